/**
 * The new-story form as an evaluator fills it in Spanish: the fields every story needs, and the
 * people who tell it. The labels live here once, so a renamed field changes one place.
 */
import type { Page } from "@playwright/test";

/** Title, what changed and why it matters, typed; the change marked positive. */
export async function fillStoryEssentials(
  page: Page,
  story: { title: string; whatChanged: string; whySignificant: string },
): Promise<void> {
  await page.getByRole("textbox", { name: "Título (obligatorio)" }).fill(story.title);
  await page.getByRole("textbox", { name: "Qué cambió (obligatorio)" }).fill(story.whatChanged);
  await page.getByRole("textbox", { name: "Por qué es significativo (obligatorio)" }).fill(story.whySignificant);
  await page.getByRole("radio", { name: "Cambio positivo" }).check();
}

/** Adds the respondent shown as `label` to the people who tell the story. */
export async function addStoryteller(page: Page, label: string): Promise<void> {
  await page.getByLabel("Persona que añadir").selectOption({ label });
  await page.getByRole("button", { name: "Añadir (Personas que cuentan la historia)" }).click();
}

/** Adds the first source the list offers to the story's sources. */
export async function addFirstSource(page: Page): Promise<void> {
  await page.getByLabel("Fuente que añadir").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Añadir (Fuentes)" }).click();
}
