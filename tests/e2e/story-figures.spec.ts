/**
 * Figures typed as people in Mexico write numbers, in Spanish and in English "600,000", saved as
 * exactly 600000 and shown with their qualifier as they were typed; "600.000" is refused next to
 * the field with how it reads and how to write it, and "1,5" with the way to write it here. The rule is tested in depth in
 * tests/unit/written-number.test.ts and tests/integration/story-figure-numbers.test.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInToList } from "./support/sign-in";
import { fillStoryEssentials } from "./support/story-form";
import { appDatabase, copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const STORY_URL = /\/stories\/(?!new$)[a-z0-9]+$/;
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: cifras");
});

async function storedValues(storyId: string): Promise<string[]> {
  const rows = await appDatabase().storyFigure.findMany({
    where: { evaluationId: evaluation.id, storyId },
    orderBy: { position: "asc" },
  });
  return rows.map((row) => `${row.qualifier} ${row.value.toFixed(4)}`);
}

async function openNewStory(page: Page) {
  await signInToList(page, "evaluator@demo.example", PASSWORD);
  await page.goto(`/evaluations/${evaluation.id}/stories/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nueva historia de cambio" })).toBeVisible();
}

test("a figure typed as 600,000 in Spanish and in English is saved as 600000 and shown with its qualifier; 600.000 and 1,5 in Spanish are refused next to the field", async ({
  page,
}) => {
  await openNewStory(page);
  await fillStoryEssentials(page, {
    title: "Contratos colectivos legitimados",
    whatChanged: "Los trabajadores votaron sus contratos colectivos.",
    whySignificant: "«Por primera vez votamos.»",
  });
  await page.getByRole("button", { name: "Añadir una cifra" }).click();
  await page.getByLabel("Qué se cuenta", { exact: true }).fill("trabajadores con contrato legitimado");
  const figure = page.getByRole("group", { name: "Cifra 1" });
  await figure.getByLabel("Precisión").selectOption({ label: "Más de" });
  const value = figure.getByLabel("Valor", { exact: true });

  // Thousands as Spain writes them: 600 with three decimals here, so refused next to the field, nothing guessed.
  await value.fill("600.000");
  await page.getByRole("button", { name: "Crear la historia" }).click();
  await expect(value).toHaveAttribute("aria-invalid", "true");
  const refusal = page.locator(`#${await value.getAttribute("id")}-error`);
  await expect(refusal).toHaveText(
    "«600.000» puede leerse de dos maneras; aquí se lee como 600. Si quiere decir 600,000, escriba 600000; si quiere decir 600, escriba 600.",
  );
  await expect(page).toHaveURL(/\/stories\/new$/);
  await expectNoAxeViolations(page, "figure refused as ambiguous (es)");

  // A decimal comma is refused with the way to write the number here.
  await value.fill("1,5");
  await page.getByRole("button", { name: "Crear la historia" }).click();
  await expect(refusal).toHaveText(
    "«1,5» está escrito con coma decimal o con punto de miles. Aquí los decimales llevan punto y los miles coma, como en México: escriba 1.5.",
  );
  await expect(page).toHaveURL(/\/stories\/new$/);

  await value.fill("600,000");
  await page.getByRole("button", { name: "Crear la historia" }).click();
  await expect(page).toHaveURL(STORY_URL);
  const storyPath = new URL(page.url()).pathname;
  const storyId = storyPath.split("/").pop()!;
  expect(await storedValues(storyId)).toEqual(["MORE_THAN 600000.0000"]);
  const figures = page.getByRole("region", { name: "Cifras de magnitud" });
  await expect(figures).toContainText("más de 600,000");
  await expectNoAxeViolations(page, "story with its figure (es)");

  // In English the editor sees and types numbers the English way.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("region", { name: "Magnitude figures" })).toContainText("more than 600,000");
  await page.getByRole("link", { name: "Edit this story" }).click();
  const englishValue = page.getByLabel("Value", { exact: true });
  await expect(englishValue).toHaveValue("600000");
  await englishValue.fill("600.000");
  await page.getByRole("button", { name: "Save the story" }).click();
  await expect(page.locator(`#${await englishValue.getAttribute("id")}-error`)).toHaveText(
    "“600.000” can be read two ways; here it reads as 600. If you mean 600,000, write 600000; if you mean 600, write 600.",
  );
  await expectNoAxeViolations(page, "figure refused as ambiguous (en)");
  await englishValue.fill("600,000");
  await page.getByRole("button", { name: "Save the story" }).click();
  await expect(page).toHaveURL(new RegExp(`${storyPath}$`));
  await expect(page.getByRole("region", { name: "Magnitude figures" })).toContainText("more than 600,000");
  expect(await storedValues(storyId)).toEqual(["MORE_THAN 600000.0000"]);
});
