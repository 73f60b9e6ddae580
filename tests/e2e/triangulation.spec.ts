/**
 * Triangulation in the browser, on a copy of the demo of this spec's own whose round selected
 * CS-0005 (the demo's evidence for it comes along). The lead invites an analyst, who works in
 * Spanish: adds evidence with a file by keyboard, is refused a web page renamed .pdf, signs off,
 * edits the contribution (which makes the sign-off stale) and reads the matrix. The lead then
 * reads the same pages in English, without the editing controls. Axe runs on every new page.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { inviteMember, joinAndSignIn } from "./support/invitation";
import { tabTo } from "./support/keyboard";
import { signInToEvaluation } from "./support/sign-in";
import { copyOfDemo, decideOpenRound } from "./support/world";

test.use({ locale: "en-US" });

const PASSWORD = "msc-demo-2026";
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";
let ownEvaluation: string;

test.beforeAll(async () => {
  const copy = await copyOfDemo("Evaluación de prueba: triangulación");
  await decideOpenRound(copy.id, ["CS-0005"]);
  ownEvaluation = copy.name;
});
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The lead invites a new analyst; the analyst joins in a Spanish browser and signs in. */
async function newAnalyst(
  lead: Page,
  browser: Browser,
  baseURL: string | undefined,
): Promise<{ analyst: Page; evaluationPath: string }> {
  const evaluationPath = await signInToEvaluation(lead, ownEvaluation, "lead@demo.example", PASSWORD, "en");
  const address = `analista.${Date.now()}@example.org`;
  const link = await inviteMember(lead, evaluationPath, { address, role: "Analyst" }, "en");
  const analyst = await joinAndSignIn(browser, baseURL, link, { address, name: "Analista de Prueba" });
  await expect(analyst.getByRole("heading", { level: 1, name: ownEvaluation })).toBeVisible();
  return { analyst, evaluationPath };
}

test("an analyst adds evidence with a file by keyboard, signs off and sees the matrix; the lead reads it in English", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { analyst, evaluationPath } = await newAnalyst(page, browser, baseURL);

  // The matrix, from the evaluation's sections.
  await analyst
    .getByRole("navigation", { name: "Secciones de la evaluación" })
    .getByRole("link", { name: "Matriz de triangulación" })
    .click();
  await expect(analyst.getByRole("heading", { level: 1, name: "Matriz de triangulación" })).toBeVisible();
  const matrix = analyst.getByRole("table", { name: /Evidencia por tipo de fuente/ });
  const row = matrix.getByRole("row", { name: /CS-0005/ });
  await expect(row).toContainText("Respalda, 1 evidencia");
  await expect(row).toContainText("Mixta, 1 evidencia");
  await expectNoAxeViolations(analyst, "triangulation matrix (es)");

  // The story's triangulation page: two source types already, no sign-off.
  await row.getByRole("link", { name: /CS-0005/ }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Triangulación" })).toBeVisible();
  const readiness = analyst.getByRole("region", { name: "Lo que falta" });
  await expect(readiness).toContainText("Ninguna persona analista ha firmado la triangulación.");
  await expectNoAxeViolations(analyst, "story triangulation (es)");

  // A web page renamed .pdf is refused next to the file field, and nothing is added.
  const form = analyst.getByRole("region", { name: "Agregar evidencia" });
  await expectInteractive(form.getByRole("button", { name: "Agregar evidencia" }));
  const sourceType = form.getByLabel("Tipo de fuente");
  await sourceType.focus();
  await analyst.keyboard.type("D"); // Documento
  await analyst.keyboard.press("Tab");
  await analyst.keyboard.type("R"); // Postura: Respalda
  await analyst.keyboard.press("Tab");
  await analyst.keyboard.type("M"); // Solidez: Moderada
  await expect(sourceType).toHaveValue("DOCUMENT");
  await expect(form.getByLabel("Postura")).toHaveValue("SUPPORTS");
  await expect(form.getByLabel("Solidez")).toHaveValue("MODERATE");
  const citation = form.getByLabel("Referencia");
  await tabTo(analyst, citation, 60);
  await analyst.keyboard.type("Secretaría del Trabajo, acta de inspección 2023, p. 4");
  await analyst.keyboard.press("Tab");
  await analyst.keyboard.type("La inspección confirma el reconocimiento del sindicato en la planta.");
  const file = form.getByLabel("Archivo adjunto (opcional)");
  await file.setInputFiles({
    name: "acta.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html><script>alert(1)</script></html>"),
  });
  const submit = form.getByRole("button", { name: "Agregar evidencia" });
  await tabTo(analyst, submit, 60);
  await analyst.keyboard.press("Enter");
  await expect(file).toHaveAccessibleDescription(/contiene código de página web o SVG/);
  await expect(analyst.getByRole("region", { name: "Evidencia", exact: true }).getByRole("listitem")).toHaveCount(2);

  // The real file goes through.
  await file.setInputFiles({ name: "acta de inspección.pdf", mimeType: "application/pdf", buffer: PDF });
  await tabTo(analyst, submit, 60);
  await analyst.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Evidencia agregada.");
  const evidence = analyst.getByRole("region", { name: "Evidencia", exact: true });
  await expect(evidence.getByRole("listitem")).toHaveCount(3);
  const download = evidence.getByRole("link", { name: /Descargar acta de inspección\.pdf/ });
  const response = await analyst.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await response.body()).toEqual(PDF);

  // Sign-off: then nothing is missing.
  await readiness.getByLabel("Nota").fill("Contrasté el expediente, la nota de prensa y el acta de inspección.");
  await readiness.getByRole("button", { name: "Firmar la versión 1" }).click();
  await expect(readiness).toContainText("No falta nada: la historia puede marcarse como triangulada.");
  await expect(readiness.getByRole("button", { name: /Firmar/ })).toHaveCount(0);

  // Editing the contribution keeps a new revision, and the sign-off no longer holds.
  await analyst.getByRole("link", { name: "Contribución y sostenibilidad" }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Contribución y sostenibilidad" })).toBeVisible();
  await expectNoAxeViolations(analyst, "contribution and sustainability (es)");
  await analyst.getByLabel("Calificación de la contribución").selectOption("HIGH");
  await analyst.getByRole("button", { name: "Guardar contribución y sostenibilidad" }).click();
  await expect(analyst.getByLabel("Motivo de la calificación")).toHaveAccessibleDescription(
    "Explique por qué eligió esta calificación.",
  );
  await analyst
    .getByLabel("Motivo de la calificación")
    .fill("El expediente público y el acta atribuyen el cambio a las quejas acompañadas.");
  await analyst.getByRole("button", { name: "Guardar contribución y sostenibilidad" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Guardado" })).toHaveText("Guardado como versión 2.");
  await analyst.getByRole("link", { name: "Volver a la triangulación" }).click();
  await expect(readiness).toContainText("La firma ya no está vigente");

  // Editing one item, on its own page.
  await evidence.getByRole("link", { name: /Editar la evidencia: Secretaría del Trabajo/ }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Editar evidencia" })).toBeVisible();
  await expectNoAxeViolations(analyst, "edit evidence (es)");
  await analyst.getByLabel("Solidez").selectOption("STRONG");
  await analyst.getByRole("button", { name: "Guardar evidencia" }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Triangulación" })).toBeVisible();
  await expect(evidence).toContainText("Sólida");
  await analyst.context().close();

  // The lead reads the same pages in English, without editing controls.
  await page.goto(`${evaluationPath}/triangulation`);
  await expect(page.getByRole("heading", { level: 1, name: "Triangulation matrix" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /Evidence by source type/ }).getByRole("row", { name: /CS-0005/ }),
  ).toContainText(/Supports, 1 item.*Supports, 1 item.*Mixed, 1 item/);
  await expectNoAxeViolations(page, "triangulation matrix (en)");
  await page
    .getByRole("table", { name: /Evidence by source type/ })
    .getByRole("link", { name: /CS-0005/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "CS-0005 Triangulation" })).toBeVisible();
  await expect(page.getByRole("region", { name: "What is still missing" })).toContainText(
    "The sign-off is out of date",
  );
  await expect(page.getByRole("region", { name: "Add evidence" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit evidence/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "story triangulation, read only (en)");
});

// The integration tests cover panelists and attachments.
test("a reviewer gets 404 on the triangulation matrix and no link to it", async ({ browser, baseURL }) => {
  for (const email of ["reviewer@demo.example"]) {
    const context = await browser.newContext({ baseURL, locale: "en-US" });
    const page = await context.newPage();
    const evaluationPath = await signInToEvaluation(page, EVALUATION, email, PASSWORD, "en");
    expect((await page.goto(`${evaluationPath}/triangulation`))?.status()).toBe(404);
    await expect(
      page.getByRole("navigation", { name: "Evaluation sections" }).getByRole("link", { name: "Triangulation matrix" }),
    ).toHaveCount(0);
    await context.close();
  }
});
