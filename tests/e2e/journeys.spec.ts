/**
 * Each role walks its part of a story's path, in Spanish and then in English, on copies of the
 * demo of this spec's own: the evaluator screens a submitted story (keyboard only), the panelist
 * opens the ballot, the lead reads the decided round and plans a validation, the analyst reads
 * the triangulation matrix and a selected story's evidence, the reviewer the funder's review and
 * the brief. On every page: axe with its best-practice rules, and the page reflows at 320 px.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { tabTo } from "./support/keyboard";
import { expectReflowAt320 } from "./support/reflow";
import { signInToEvaluation } from "./support/sign-in";
import { copyOfDemo, decideOpenRound } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const DEMO_ROUND = "Ronda 1: cambios más significativos del dominio";
/** Untouched but for the evaluator's screening, which no other journey reads. */
let fresh: string;
/** Its round decided, CS-0005 selected. */
let decided: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  fresh = (await copyOfDemo("Evaluación de prueba: recorridos")).name;
  const copy = await copyOfDemo("Evaluación de prueba: recorridos decididos");
  await decideOpenRound(copy.id, ["CS-0005"]);
  decided = copy.name;
});

/** Axe (best practice included) and reflow at 320 px on the page as it stands. */
async function checkPage(page: Page, where: string) {
  await expectNoAxeViolations(page, where);
  await expectReflowAt320(page, where);
}

async function openEvaluation(page: Page, email: string, evaluation: string) {
  await signInToEvaluation(page, evaluation, email, PASSWORD);
  await checkPage(page, `${email}: overview (es)`);
}

/** Follows a link of the evaluation's menu to the page it names. */
async function section(page: Page, link: string, heading: string | RegExp, where: string) {
  await page
    .getByRole("navigation", { name: /Secciones de la evaluación|Evaluation sections/ })
    .getByRole("link", { name: link, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await checkPage(page, where);
}

async function toEnglish(page: Page) {
  await expectInteractive(page.getByRole("button", { name: "English" }));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("the evaluator screens a submitted story with the keyboard only", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sign-in");
  await expectInteractive(page.getByRole("button", { name: "Iniciar sesión" }));
  await tabTo(page, page.getByLabel("Correo electrónico"), 150);
  await page.keyboard.type("evaluator@demo.example");
  await tabTo(page, page.getByLabel("Contraseña", { exact: true }), 150);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/evaluations$/);
  await checkPage(page, "evaluations (evaluator, es)");

  await tabTo(page, page.getByRole("link", { name: fresh }), 150);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: fresh })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Historias de cambio", exact: true }), 150);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Historias de cambio" })).toBeVisible();
  await checkPage(page, "stories (evaluator, es)");

  await tabTo(page, page.getByRole("link", { name: "CS-0003", exact: true }), 150);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /CS-0003/ })).toBeVisible();
  const path = page.getByRole("region", { name: "El recorrido de la historia" });
  await expect(path).toContainText("Etapa: Enviada");
  await checkPage(page, "submitted story (evaluator, es)");
  const screen = path.getByRole("button", { name: "Marcar como admitida" });
  await expectInteractive(screen);
  await tabTo(page, screen, 150);
  await page.keyboard.press("Enter");
  await expect(path.getByText("La historia ahora está en: Admitida.")).toBeVisible();
  await checkPage(page, "screened story (evaluator, es)");

  await toEnglish(page);
  await expect(page.getByRole("region", { name: "The story’s path" })).toContainText("Stage: Screened");
  await checkPage(page, "screened story (evaluator, en)");
  await section(page, "Change stories", "Change stories", "stories (evaluator, en)");
});

test("the panelist finds the ballot, in both languages", async ({ page }) => {
  test.setTimeout(180_000);
  await openEvaluation(page, "panelist2@demo.example", fresh);
  await section(page, "Selección", "Selección", "selection (panelist, es)");
  await page.getByRole("link", { name: DEMO_ROUND }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Su voto" })).toBeVisible();
  await checkPage(page, "ballot (panelist, es)");
  await toEnglish(page);
  await expect(page.getByRole("heading", { level: 2, name: "Your ballot" })).toBeVisible();
  await checkPage(page, "ballot (panelist, en)");
});

test("the lead reads the decided round and plans a validation, in both languages", async ({ page }) => {
  test.setTimeout(240_000);
  await openEvaluation(page, "lead@demo.example", decided);
  await section(page, "Selección", "Selección", "selection (lead, es)");
  await page.getByRole("link", { name: DEMO_ROUND }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ROUND })).toBeVisible();
  // A closed round never says its results are hidden until it closes.
  await expect(page.getByText("visibles: la ronda está cerrada")).toBeVisible();
  await expect(page.getByText("ocultos hasta que cierre la ronda")).toHaveCount(0);
  await checkPage(page, "decided round (lead, es)");
  await section(page, "Historias de cambio", "Historias de cambio", "stories (lead, es)");
  await expect(page.getByRole("row", { name: /CS-0005/ }).getByText("Seleccionada", { exact: true })).toBeVisible();
  await section(page, "Validación", "Validación con las personas entrevistadas", "validation (lead, es)");
  await page.getByRole("link", { name: "Nueva ronda de validación" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nueva ronda de validación" })).toBeVisible();
  await checkPage(page, "new validation round (lead, es)");
  await section(page, "Registro de auditoría", "Registro de auditoría", "audit trail (lead, es)");

  await toEnglish(page);
  await section(page, "Selection", "Selection", "selection (lead, en)");
  await page.getByRole("link", { name: DEMO_ROUND }).click();
  await expect(page.getByText("shown: the round is closed")).toBeVisible();
  await checkPage(page, "decided round (lead, en)");
  await section(page, "Validation", "Respondent validation", "validation (lead, en)");
  await section(page, "Team", /: Members$/, "team (lead, en)");
});

test("the analyst reads the matrix and a selected story's evidence, in both languages", async ({ page }) => {
  test.setTimeout(180_000);
  await openEvaluation(page, "analyst@demo.example", decided);
  await section(page, "Matriz de triangulación", "Matriz de triangulación", "triangulation matrix (analyst, es)");
  // The matrix fits a 1,366 px page: neither the page nor its own region scrolls sideways.
  await page.setViewportSize({ width: 1366, height: 768 });
  const matrix = page.getByRole("region", { name: /Evidencia por tipo de fuente/ });
  await expect(matrix.getByRole("row", { name: /CS-0005/ })).toBeVisible();
  expect(await matrix.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await matrix.getByRole("link", { name: /CS-0005/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /CS-0005/ })).toBeVisible();
  await checkPage(page, "story triangulation (analyst, es)");
  await toEnglish(page);
  await checkPage(page, "story triangulation (analyst, en)");
  await section(page, "Triangulation matrix", "Triangulation matrix", "triangulation matrix (analyst, en)");
});

test("the reviewer reads the funder's review and the brief, in both languages", async ({ page }) => {
  test.setTimeout(180_000);
  await openEvaluation(page, "reviewer@demo.example", decided);
  await section(page, "Revisión del financiador", "Revisión del financiador", "funder's review (reviewer, es)");
  await expect(page.getByText("No hay resultados en espera de la revisión del financiador.")).toBeVisible();
  await section(page, "Informe de aprendizaje", "Informe de aprendizaje", "brief (reviewer, es)");
  await toEnglish(page);
  await section(page, "Funder review", "Funder review", "funder's review (reviewer, en)");
  await section(page, "Learning brief", "Learning brief", "brief (reviewer, en)");
});
