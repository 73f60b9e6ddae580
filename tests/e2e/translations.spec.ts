/**
 * A contribution's translation, entered in the story form, is what the funder's reviewer reads
 * on the English review page; a text left untranslated shows the original with the "not yet
 * translated" marker. Staleness, audit and the brief are tested in tests/integration/translations.test.ts.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInToList } from "./support/sign-in";
import { fillStoryEssentials } from "./support/story-form";
import { appDatabase, copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: traducciones");
});

test("a contribution translated in the story form is what the English review page shows; an untranslated text carries the marker", async ({
  page,
}) => {
  await signInToList(page, "lead@demo.example", PASSWORD);
  await page.goto(`/evaluations/${evaluation.id}/stories/new`);
  await fillStoryEssentials(page, {
    title: "Las cooperativas negociaron un mejor precio",
    whatChanged: "En 2023 las cooperativas negociaron juntas el precio del café.",
    whySignificant: "«Ahora nos escuchan.»",
  });
  await page.getByLabel("Valoración", { exact: true }).fill("Probable mientras las cooperativas sigan unidas.");

  await page.getByRole("button", { name: "Añadir un proyecto que contribuyó" }).click();
  const row = page.getByRole("group", { name: "Proyecto que contribuyó 1" });
  await expect(row.getByLabel("Proyecto")).toBeFocused();
  await row.getByLabel("Proyecto").selectOption({ index: 1 });
  await row.getByLabel("Cómo contribuyó", { exact: true }).fill("Capacitó a las cooperativas en negociación.");
  await row.getByLabel("Cómo contribuyó, traducido").fill("It trained the cooperatives in negotiation.");

  // A translation needs its translator: refused next to the field until one is chosen.
  await page.getByRole("textbox", { name: "Idioma de la traducción" }).fill("en");
  // Once its language is known, the translation is declared in it (screen readers, spell-checkers).
  await expect(row.getByLabel("Cómo contribuyó, traducido")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Crear la historia" }).click();
  const translator = page.getByLabel("Traducido por");
  await expect(translator).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "story form with a contribution translation, translator missing (es)");
  await translator.selectOption({ label: "Mariana Quiroga Salas" });
  await page.getByRole("button", { name: "Crear la historia" }).click();
  // A story's first save writes the story, its rows, a revision and an audit event: allow a busy machine.
  await expect(page).toHaveURL(/\/stories\/(?!new$)[a-z0-9]+$/, { timeout: 30_000 });
  const storyId = new URL(page.url()).pathname.split("/").pop()!;

  const db = appDatabase();
  const contribution = await db.storyContribution.findFirstOrThrow({ where: { evaluationId: evaluation.id, storyId } });
  expect(contribution.howContributedTranslation).toBe("It trained the cooperatives in negotiation.");
  // The path to review is tested elsewhere; here only what the reviewer reads.
  await db.changeStory.update({ where: { id: storyId }, data: { stage: "IN_REVIEW" } });

  await page.goto(`/evaluations/${evaluation.id}/reviews/${storyId}`);
  await expect(page.getByRole("list", { name: "Cómo contribuyó cada proyecto" })).toContainText(
    "Capacitó a las cooperativas en negociación.",
  );
  await page.getByRole("button", { name: "English" }).click();
  const contributed = page.getByRole("list", { name: "How each project contributed" });
  await expect(contributed).toContainText("It trained the cooperatives in negotiation.");
  await expect(contributed).not.toContainText("Capacitó");
  // The sustainability has no translation: the original, in Spanish, and the marker in English.
  const original = page.locator('span[lang="es"]', { hasText: "Probable mientras las cooperativas sigan unidas." });
  await expect(original).toBeVisible();
  await expect(page.locator("p", { has: original })).toContainText("(not yet translated)");
  await expectNoAxeViolations(page, "review page in English with a translated contribution (en)");
});
