/**
 * Respondent validation and funder review in the browser, in Spanish: the lead creates a round and
 * draws its sample; the reviewer opens the review queue. Axe on each new page.
 *
 * The demo has no triangulated or in-review story yet (its stories stop at SCREENED), so this spec
 * covers the pages and the draw on an empty round; the sheets, responses and decisions are proven
 * against PostgreSQL in tests/integration/validation-rounds.test.ts and reviews-and-sheets.test.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";

async function openDemoEvaluation(page: Page, email: string): Promise<string> {
  await page.goto("/sign-in");
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/evaluations$/);
  await page.getByRole("link", { name: EVALUATION }).click();
  await expect(page.getByRole("heading", { level: 1, name: EVALUATION })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a lead creates a validation round, draws its sample and edits the round", async ({ page }) => {
  const base = await openDemoEvaluation(page, "lead@demo.example");
  await page.getByRole("link", { name: "Validación", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Validación con respondentes" })).toBeVisible();
  await expectNoAxeViolations(page, "validation rounds (es)");

  await page.getByRole("link", { name: "Nueva ronda de validación" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nueva ronda de validación" })).toBeVisible();
  await expectNoAxeViolations(page, "new validation round (es)");
  await page.getByLabel("Nombre de la ronda").fill("Taller de validación en Monclova");
  await page.getByLabel("Primer día").fill("2025-03-03");
  await page.getByLabel("Último día").fill("2025-03-01");
  await page.getByLabel("Tamaño de muestra previsto").fill("12");
  await page.getByRole("button", { name: "Crear ronda" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "último día" })).toHaveText("El último día no puede ser anterior al primero.");
  await page.getByLabel("Último día").fill("2025-03-14");
  await page.getByRole("button", { name: "Crear ronda" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Taller de validación en Monclova" })).toBeVisible();
  expect(new URL(page.url()).pathname.startsWith(`${base}/validation/`)).toBe(true);
  await expectNoAxeViolations(page, "validation round (es)");
  await page.getByRole("button", { name: "Sortear la muestra" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se sortearon" })).toContainText("Se sortearon 0 de 0 respondentes elegibles");
  await expect(page.getByRole("table", { name: "Por género" })).toBeVisible();
  await page.getByLabel("Agregar un respondente por código").fill("R-0001");
  await page.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "historias" })).toHaveText("La ronda todavía no tiene historias.");

  // The lead corrects the round while it is planned.
  await page.getByRole("link", { name: "Editar esta ronda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editar la ronda de validación: Taller de validación en Monclova" })).toBeVisible();
  await expect(page.getByLabel("Último día")).toHaveValue("2025-03-14");
  await expectNoAxeViolations(page, "edit validation round (es)");
  await page.getByLabel("Nombre de la ronda").fill("Taller de validación en Monclova y Saltillo");
  await page.getByRole("button", { name: "Guardar la ronda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Taller de validación en Monclova y Saltillo" })).toBeVisible();
});

test("a reviewer opens the review queue, and may not open validation rounds", async ({ page }) => {
  const base = await openDemoEvaluation(page, "reviewer@demo.example");
  await page.getByRole("link", { name: "Revisión del financiador" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Revisión del financiador" })).toBeVisible();
  await expect(page.getByText("No hay resultados en espera de revisión.")).toBeVisible();
  await expectNoAxeViolations(page, "review queue (es)");
  const response = await page.goto(`${base}/validation`);
  expect(response?.status()).toBe(404);
});
