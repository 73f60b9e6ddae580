/**
 * Quotations in the browser, on a copy of the demo of this spec's own where CS-0001 stands
 * approved (the path to approval is tested elsewhere). The analyst, in Spanish, quotes one of the
 * passages the story rests on, translates it into English, and finds it in the brief in both
 * languages. Axe runs on each state of the new page.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInToList } from "./support/sign-in";
import { appDatabase, copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const QUOTE = "mis hijos ya no faltan a la escuela.";
const TRANSLATION = "my children no longer miss school.";
let evaluation: { id: string; name: string };
let storyId: string;

test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: citas");
  const story = await appDatabase().changeStory.findFirstOrThrow({
    where: { evaluationId: evaluation.id, code: "CS-0001" },
    select: { id: true },
  });
  storyId = story.id;
  await appDatabase().changeStory.update({ where: { id: storyId }, data: { stage: "APPROVED" } });
});

test("an analyst quotes a passage, translates it, and the brief prints it in both languages", async ({ page }) => {
  await signInToList(page, "analyst@demo.example", PASSWORD);

  await page.goto(`/evaluations/${evaluation.id}/stories/${storyId}/triangulation`);
  await page.getByRole("link", { name: "Citas para el informe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CS-0001 Citas para el informe" })).toBeVisible();
  await expect(page.getByText("Todavía no se ha elegido ninguna cita.")).toBeVisible();
  await expectNoAxeViolations(page, "quotations, none chosen (es)");

  const passage = page.getByRole("listitem").filter({ hasText: QUOTE });
  await expectInteractive(passage.getByRole("button", { name: "Citar este pasaje" }));
  await passage.getByRole("button", { name: "Citar este pasaje" }).click();
  const chosen = page.getByRole("article", { name: "Cita" });
  await expect(chosen).toContainText(QUOTE);
  await expect(chosen).toContainText("Se imprime en el informe");

  await chosen.getByRole("textbox", { name: "Traducción" }).fill(TRANSLATION);
  await expect(chosen.getByRole("combobox", { name: "Traducida al" })).toHaveValue("en");
  await chosen.getByRole("button", { name: "Guardar la traducción" }).click();
  await expect(chosen).toContainText("Traducida al inglés por Ernesto Villaseñor Paz");
  await expectNoAxeViolations(page, "quotations, one chosen and translated (es)");

  await page.goto(`/evaluations/${evaluation.id}/brief?lang=en`);
  await expect(page.locator("article[lang=en] blockquote")).toHaveText(`In a storyteller’s words: “${TRANSLATION}”`);
  await page.goto(`/evaluations/${evaluation.id}/brief?lang=es`);
  await expect(page.locator("article[lang=es] blockquote")).toHaveText(
    `En palabras de una persona narradora: “${QUOTE}”`,
  );
  await expectNoAxeViolations(page, "brief with a quotation (es)");
});
