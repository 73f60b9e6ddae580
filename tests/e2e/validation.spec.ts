/**
 * Respondent validation and funder review in the browser, in Spanish: the lead creates a round and
 * draws its sample; the reviewer opens the review queue; the lead records a response and corrects
 * it. Axe on each new page.
 *
 * The demo has no triangulated story (its stories stop at SCREENED), so the first journey covers
 * the pages and the draw on an empty round. The last one works on a copy of the demo of its own,
 * whose round selected CS-0005 (with the demo's evidence from two source types): an analyst
 * triangulates it, then the lead validates it. Sheets, resolutions and closing are proven against
 * PostgreSQL in tests/integration/validation-rounds.test.ts and reviews-and-sheets.test.ts.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { inviteMember, joinAndSignIn } from "./support/invitation";
import { tabTo } from "./support/keyboard";
import { signInAt, signInToEvaluation } from "./support/sign-in";
import { copyOfDemo, decideOpenRound } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";

test("a lead creates a validation round, draws its sample and edits the round", async ({ page }) => {
  const base = await signInToEvaluation(page, EVALUATION, "lead@demo.example", PASSWORD);
  await page.getByRole("link", { name: "Validación", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Validación con las personas entrevistadas" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "validation rounds (es)");

  await page.getByRole("link", { name: "Nueva ronda de validación" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nueva ronda de validación" })).toBeVisible();
  await expectNoAxeViolations(page, "new validation round (es)");
  await page.getByLabel("Nombre de la ronda").fill("Taller de validación en Monclova");
  await page.getByLabel("Primer día").fill("2025-03-03");
  await page.getByLabel("Último día").fill("2025-03-01");
  await page.getByLabel("Tamaño de muestra previsto").fill("12");
  await page.getByRole("button", { name: "Crear ronda" }).click();
  // The error sits next to its field; the form says on top to look there.
  await expect(page.getByLabel("Último día")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Último día")).toHaveAccessibleDescription(
    "El último día no puede ser anterior al primero.",
  );
  await expect(page.getByRole("alert").filter({ hasText: "Revise" })).toHaveText("Revise los campos señalados.");
  await page.getByLabel("Último día").fill("2025-03-14");
  await page.getByRole("button", { name: "Crear ronda" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Taller de validación en Monclova" })).toBeVisible();
  expect(new URL(page.url()).pathname.startsWith(`${base}/validation/`)).toBe(true);
  await expectNoAxeViolations(page, "validation round (es)");
  // By default the sample comes from those who share the stories' states or types; the lead narrows it.
  await expect(page.getByText("Todavía no se ha sorteado la muestra. La regla predeterminada:")).toBeVisible();
  await expect(
    page.getByRole("radio", {
      name: "Personas entrevistadas que comparten los estados de las historias o el tipo de quienes las contaron",
    }),
  ).toBeChecked();
  await page
    .getByRole("radio", { name: "Personas entrevistadas que comparten los estados de las historias", exact: true })
    .check();
  await page.getByRole("button", { name: "Sortear la muestra" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se sortearon" })).toContainText(
    "Se sortearon 0; 0 de 0 personas elegibles cumplían la regla",
  );
  await expect(
    page.getByText("La muestra se sorteó entre las personas entrevistadas que comparten los estados de las historias."),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Muestra por estrato frente a las personas elegibles en el último sorteo" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Por género" })).toBeVisible();
  await page.getByLabel("Agregar a una persona entrevistada por su código").fill("R-0001");
  await page.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(page.getByLabel("Agregar a una persona entrevistada por su código")).toHaveAccessibleDescription(
    /La ronda todavía no tiene historias\.$/,
  );

  // The lead corrects the round while it is planned.
  await page.getByRole("link", { name: "Editar esta ronda" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Editar la ronda de validación: Taller de validación en Monclova" }),
  ).toBeVisible();
  await expect(page.getByLabel("Último día")).toHaveValue("2025-03-14");
  await expectNoAxeViolations(page, "edit validation round (es)");
  await page.getByLabel("Nombre de la ronda").fill("Taller de validación en Monclova y Saltillo");
  await page.getByRole("button", { name: "Guardar la ronda" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Taller de validación en Monclova y Saltillo" }),
  ).toBeVisible();
});

test("a reviewer opens the review queue, and may not open validation rounds", async ({ page }) => {
  const base = await signInToEvaluation(page, EVALUATION, "reviewer@demo.example", PASSWORD);
  await page.getByRole("link", { name: "Revisión del financiador" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Revisión del financiador" })).toBeVisible();
  await expect(page.getByText("No hay resultados en espera de la revisión del financiador.")).toBeVisible();
  await expectNoAxeViolations(page, "review queue (es)");
  const response = await page.goto(`${base}/validation`);
  expect(response?.status()).toBe(404);
});

/**
 * CS-0005 to TRIANGULATED, as an analyst takes it there: the lead invites an analyst, who signs
 * the triangulation off and takes the two steps on the story page.
 */
async function triangulateDemoStory(
  lead: Page,
  browser: Browser,
  baseURL: string | undefined,
  evaluationPath: string,
  evaluation: string,
) {
  const address = `analista.validacion.${Date.now()}@example.org`;
  const link = await inviteMember(lead, evaluationPath, { address, role: "Analista" }, "es");
  const analyst = await joinAndSignIn(browser, baseURL, link, { address, name: "Analista de Validación" });
  await expect(analyst.getByRole("heading", { level: 1, name: evaluation })).toBeVisible();

  await analyst.goto(`${evaluationPath}/triangulation`);
  const matrixLink = analyst
    .getByRole("table", { name: /Evidencia por tipo de fuente/ })
    .getByRole("link", { name: /CS-0005/ });
  await expect(matrixLink, "CS-0005, selected by the copy's round, with the demo's evidence").toBeVisible();
  await matrixLink.click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Triangulación" })).toBeVisible();
  const storyPath = new URL(analyst.url()).pathname.replace(/\/triangulation$/, "");
  const readiness = analyst.getByRole("region", { name: "Lo que falta" });
  await expect(readiness).toContainText("Ninguna persona analista ha firmado la triangulación.");
  // The demo's press note is mixed: it counts toward the two source types once the analyst says why
  // it still supports the story (decision 0036).
  const evidence = analyst.getByRole("region", { name: "Evidencia", exact: true });
  await evidence.getByRole("link", { name: /^Editar la evidencia: Nota de prensa regional/ }).click();
  await expectInteractive(analyst.getByRole("button", { name: "Guardar evidencia" }));
  await analyst
    .getByLabel("Por qué aún respalda la historia")
    .fill("Confirma el reconocimiento del sindicato en la fecha del plan de reparación.");
  await analyst.getByRole("button", { name: "Guardar evidencia" }).click();
  await expect(analyst.getByRole("heading", { level: 1, name: "CS-0005 Triangulación" })).toBeVisible();
  await expect(readiness).not.toContainText("tipos de fuente");
  await expectInteractive(readiness.getByRole("button", { name: "Firmar la versión 1" }));
  await readiness.getByLabel("Nota").fill("Contrasté la versión 1 con el expediente y la nota de prensa.");
  await readiness.getByRole("button", { name: "Firmar la versión 1" }).click();
  await expect(readiness).toContainText("No falta nada: la historia puede marcarse como triangulada.");

  await analyst.goto(storyPath);
  const path = analyst.getByRole("region", { name: "El recorrido de la historia" });
  await expectInteractive(path.getByRole("button", { name: "Iniciar la triangulación" }));
  await path.getByRole("button", { name: "Iniciar la triangulación" }).click();
  await expect(path.getByRole("status")).toHaveText("La historia ahora está en: En triangulación.");
  await path.getByRole("button", { name: "Marcar como triangulada" }).click();
  await expect(path.getByRole("status")).toHaveText("La historia ahora está en: Triangulada.");
  await analyst.context().close();
  return storyPath;
}

test("a lead records a response, corrects it by keyboard and reads its versions", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three people, a dozen pages and four axe checks on a shared two-core machine.
  test.setTimeout(240_000);
  const copy = await copyOfDemo("Evaluación de prueba: validación");
  await decideOpenRound(copy.id, ["CS-0005"]);
  const base = await signInToEvaluation(page, copy.name, "lead@demo.example", PASSWORD);
  const storyPath = await triangulateDemoStory(page, browser, baseURL, base, copy.name);

  // A round with the triangulated story and one respondent added by hand, opened.
  await page.goto(`${base}/validation/new`);
  await expect(page.getByRole("checkbox", { name: /^CS-0005 · / })).toBeChecked();
  await expectInteractive(page.getByRole("button", { name: "Crear ronda" }));
  await page.getByLabel("Nombre de la ronda").fill("Llamadas de validación en San Luis Potosí");
  await page.getByLabel("Primer día").fill("2025-04-07");
  await page.getByLabel("Último día").fill("2025-04-18");
  await page.getByLabel("Método").selectOption({ label: "Teléfono" });
  await page.getByLabel("Tamaño de muestra previsto").fill("1");
  await page.getByRole("button", { name: "Crear ronda" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Llamadas de validación en San Luis Potosí" }),
  ).toBeVisible();
  const roundPath = new URL(page.url()).pathname;
  await page.getByLabel("Agregar a una persona entrevistada por su código").fill("R-0002");
  await page.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(page.getByRole("table", { name: "Personas entrevistadas en la muestra (1)" })).toContainText("R-0002");
  await page.getByRole("button", { name: "Abrir la ronda" }).click();

  // The response as the evaluator heard it on the phone.
  await expect(page.getByRole("heading", { level: 3, name: "Registrar una respuesta" })).toBeVisible();
  await page.getByLabel("Persona entrevistada", { exact: true }).selectOption({ label: "R-0002" });
  const story = page.getByLabel("Historia", { exact: true });
  await story.selectOption((await story.locator("option", { hasText: "CS-0005" }).getAttribute("value"))!);
  await page.getByRole("radio", { name: "Confirma", exact: true }).check();
  await page.getByLabel("Comentarios").fill("Así pasó en su planta: el sindicato fue reconocido tras la queja.");
  await page.getByRole("button", { name: "Registrar respuesta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Respuesta" })).toHaveText("Respuesta registrada.");
  const responses = page.getByRole("table", { name: "Respuestas registradas (1)" });
  await expect(responses.getByRole("row", { name: /R-0002/ })).toContainText("Confirma");

  await responses.getByRole("link", { name: "Corregir R-0002 sobre CS-0005" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Respuesta de R-0002 sobre CS-0005" })).toBeVisible();
  await expect(page.getByText(/versión 1 de la respuesta/)).toBeVisible();
  const history = page.getByRole("table", { name: /versi(ón|ones), de la más reciente a la más antigua/ });
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history.locator("tbody tr").first()).toContainText(/1\s*Registro\s*Confirma\s*Así pasó en su planta/);
  await expectNoAxeViolations(page, "validation response correction (es)");

  // maxlength stops typing past the limit; a browser that ignores it meets the schema's own
  // check, whose message sits next to the field, and nothing is saved.
  const comments = page.getByLabel("Comentarios");
  await expect(comments).toHaveValue("Así pasó en su planta: el sindicato fue reconocido tras la queja.");
  await comments.evaluate((node) => node.removeAttribute("maxlength"));
  await comments.fill("a".repeat(10_001));
  await page.getByRole("button", { name: "Guardar la corrección" }).click();
  await expect(comments).toHaveAttribute("aria-invalid", "true");
  await expect(comments).toHaveAccessibleDescription("El texto es demasiado largo.");
  await expect(comments).toBeFocused();
  await expect(page.getByRole("alert").filter({ hasText: "Revise" })).toHaveText("Revise los campos señalados.");
  await expectNoAxeViolations(page, "validation response correction with an error (es)");
  await page.reload();
  await expect(comments).toHaveValue("Así pasó en su planta: el sindicato fue reconocido tras la queja.");
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expectInteractive(page.getByRole("button", { name: "Guardar la corrección" }));

  // The evaluator misheard: the respondent disputes it. Corrected with the keyboard alone.
  await tabTo(page, page.getByRole("radio", { name: "Confirma", exact: true }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Disputa" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "Disputa" })).toBeChecked();
  await expect(page.getByRole("group", { name: "Veredicto" })).toHaveAccessibleDescription(
    /Una disputa devuelve la historia para corregir/,
  );
  await page.keyboard.press("Tab");
  await expect(comments).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Dice que el reconocimiento llegó por el cambio de gerencia, no por la queja.");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Cambios propuestos")).toBeFocused();
  await page.keyboard.type("Nombrar el cambio de gerencia como otra causa.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Guardar la corrección" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Corrección guardada" })).toHaveText(
    "Corrección guardada (versión 2). La disputa devolvió la historia para corregir; la ronda no puede cerrarse hasta que se resuelva por escrito.",
  );

  // The page now shows the corrected response and both versions, newest first.
  await expect(page.getByText(/versión 2 de la respuesta/)).toBeVisible();
  await expect(history).toHaveAccessibleName("2 versiones, de la más reciente a la más antigua");
  const rows = history.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(
    /2\s*Corrección\s*Disputa\s*Dice que el reconocimiento llegó por el cambio de gerencia, no por la queja\.\s*Nombrar el cambio de gerencia como otra causa\.\s*Mariana Quiroga Salas/,
  );
  await expect(rows.nth(1)).toContainText(
    /1\s*Registro\s*Confirma\s*Así pasó en su planta: el sindicato fue reconocido tras la queja\.\s*Mariana Quiroga Salas/,
  );
  await page.reload();
  await expect(page.getByRole("radio", { name: "Disputa" })).toBeChecked();
  await expect(comments).toHaveValue("Dice que el reconocimiento llegó por el cambio de gerencia, no por la queja.");
  await expect(page.getByLabel("Cambios propuestos")).toHaveValue("Nombrar el cambio de gerencia como otra causa.");
  await expectNoAxeViolations(page, "corrected validation response (es)");

  // The round shows the dispute, and the dispute returned the story for revision.
  await page.getByRole("link", { name: "Llamadas de validación en San Luis Potosí" }).click();
  const row = page.getByRole("table", { name: "Respuestas registradas (1)" }).getByRole("row", { name: /R-0002/ });
  await expect(row).toContainText("Disputa");
  await expect(row).toContainText("Dice que el reconocimiento llegó por el cambio de gerencia, no por la queja.");
  await expect(row.getByRole("link", { name: "Resuélvala en Disputas" })).toBeVisible();
  await expect(page.getByRole("article", { name: "R-0002 disputa CS-0005" })).toBeVisible();
  await page.goto(storyPath);
  await expect(page.getByRole("region", { name: "El recorrido de la historia" })).toContainText(
    "Etapa: Devuelta para corregir",
  );

  // Two correctors at once: the evaluator saves first; the lead's save is refused and the page
  // shows what the evaluator saved next to the lead's own values, which the lead then keeps.
  await page.goto(roundPath);
  await page.getByRole("link", { name: "Corregir R-0002 sobre CS-0005" }).click();
  await expect(page.getByText(/versión 2 de la respuesta/)).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Guardar la corrección" }));
  const correctionPath = new URL(page.url()).pathname;
  const evaluatorContext = await browser.newContext({ baseURL, locale: "es-MX" });
  const evaluator = await evaluatorContext.newPage();
  await signInToEvaluation(evaluator, copy.name, "evaluator@demo.example", PASSWORD);
  await evaluator.goto(correctionPath);
  await expectInteractive(evaluator.getByRole("button", { name: "Guardar la corrección" }));
  await evaluator.getByLabel("Cambios propuestos").fill("Mencionar también la queja ante el mecanismo.");
  await evaluator.getByRole("button", { name: "Guardar la corrección" }).click();
  await expect(evaluator.getByRole("status").filter({ hasText: "Corrección guardada" })).toHaveText(
    "Corrección guardada (versión 3).",
  );
  await evaluatorContext.close();

  await page.getByRole("radio", { name: "Confirma con cambios" }).check();
  await expect(page.getByRole("group", { name: "Veredicto" })).toHaveAccessibleDescription(
    /dejará de disputar la historia/,
  );
  await page.getByRole("button", { name: "Guardar la corrección" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Otra persona" })).toHaveText(
    /^Otra persona cambió esta respuesta mientras usted la editaba, así que su corrección no se guardó\./,
  );
  await expect(page.getByRole("status").filter({ hasText: "ahora es la versión 3" })).toBeVisible();
  await expect(page.getByLabel("Cambios propuestos")).toHaveValue("Nombrar el cambio de gerencia como otra causa.");
  await expect(page.getByLabel("Cambios propuestos")).toHaveAccessibleDescription(
    "Guardado por otra persona: Mencionar también la queja ante el mecanismo.",
  );
  await expect(page.getByRole("group", { name: "Veredicto" })).toHaveAccessibleDescription(
    /Guardado por otra persona: Disputa$/,
  );
  await expect(page.getByRole("radio", { name: "Confirma con cambios" })).toBeChecked();
  await expect(comments).not.toHaveAttribute("aria-describedby");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(
    /3\s*Corrección\s*Disputa.*Mencionar también la queja ante el mecanismo\.\s*Daniel Esquivel Mora/,
  );

  // Saving again over the evaluator's version is a choice: no dispute is left and nobody touched
  // the story since the dispute returned it, so the story goes back to validation.
  await page.getByRole("button", { name: "Guardar mis valores sobre la versión 3" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Corrección guardada" })).toHaveText(
    "Corrección guardada (versión 4). Ya no queda ninguna disputa, así que la historia vuelve a estar en validación.",
  );
  await expect(page.getByRole("button", { name: "Guardar la corrección" })).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText(
    /4\s*Corrección\s*Confirma con cambios.*Nombrar el cambio de gerencia como otra causa\.\s*Mariana Quiroga Salas/,
  );
  await page.goto(storyPath);
  await expect(page.getByRole("region", { name: "El recorrido de la historia" })).toContainText("Etapa: En validación");
});

test("a lead settles a dispute in one step on the round's page, in English and Spanish, and the round validates the story", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const copy = await copyOfDemo("Evaluación de prueba: disputas");
  await decideOpenRound(copy.id, ["CS-0005"]);
  const base = await signInToEvaluation(page, copy.name, "lead@demo.example", PASSWORD);
  const storyPath = await triangulateDemoStory(page, browser, baseURL, base, copy.name);

  // An open round with the story and one respondent, who disputes it.
  await page.goto(`${base}/validation/new`);
  await expectInteractive(page.getByRole("button", { name: "Crear ronda" }));
  await page.getByLabel("Nombre de la ronda").fill("Taller de validación en Saltillo");
  await page.getByLabel("Primer día").fill("2025-05-05");
  await page.getByLabel("Último día").fill("2025-05-09");
  await page.getByLabel("Tamaño de muestra previsto").fill("1");
  await page.getByRole("button", { name: "Crear ronda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Taller de validación en Saltillo" })).toBeVisible();
  const roundPath = new URL(page.url()).pathname;
  await page.getByLabel("Agregar a una persona entrevistada por su código").fill("R-0002");
  await page.getByRole("button", { name: "Agregar", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "R-0002" })).toHaveText("R-0002 está en la muestra.");
  await page.getByRole("button", { name: "Abrir la ronda" }).click();
  await expect(page.getByRole("status").filter({ hasText: "abierta" })).toHaveText("La ronda está abierta.");
  await page.getByLabel("Persona entrevistada", { exact: true }).selectOption({ label: "R-0002" });
  const story = page.getByLabel("Historia", { exact: true });
  await story.selectOption((await story.locator("option", { hasText: "CS-0005" }).getAttribute("value"))!);
  await page.getByRole("radio", { name: "Disputa", exact: true }).check();
  await page.getByLabel("Comentarios").fill("El sindicato se reconoció por el cambio de gerencia.");
  await page.getByLabel("Cambios propuestos").fill("Nombrar el cambio de gerencia como otra causa.");
  await page.getByRole("button", { name: "Registrar respuesta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Respuesta" })).toContainText("devolvió la historia");

  // The lead sees the respondent's words in one place, with the round still unable to close.
  const disputesEs = page.getByRole("region", { name: "Disputas" });
  const cardEs = disputesEs.getByRole("article", { name: "R-0002 disputa CS-0005" });
  await expect(cardEs).toContainText("El sindicato se reconoció por el cambio de gerencia.");
  await expect(cardEs).toContainText("Nombrar el cambio de gerencia como otra causa.");
  await expect(cardEs).toContainText("Devuelta para corregir");
  await expect(disputesEs).toContainText("1 disputa sigue abierta");
  await expectNoAxeViolations(page, "round with an open dispute (es)");

  // The same lead in English settles it: accepted as it stands, confirmed, with the next step said.
  const english = await browser.newContext({ baseURL, locale: "en-US" });
  const lead = await english.newPage();
  await signInAt(lead, roundPath, "lead@demo.example", PASSWORD, "en");
  const card = lead.getByRole("region", { name: "Disputes" }).getByRole("article", { name: "R-0002 disputes CS-0005" });
  await expectInteractive(card.getByRole("button", { name: "Settle the dispute" }));
  await expectNoAxeViolations(lead, "round with an open dispute (en)");
  // Nothing chosen: the server says so next to the choice, and nothing is settled.
  await card.getByLabel("Written resolution").fill("Two records show the union was recognised after the complaint.");
  await card.getByRole("button", { name: "Settle the dispute" }).click();
  await card.getByRole("button", { name: "Yes, settle it" }).click();
  await expect(card.getByRole("group", { name: "How is the dispute settled?" })).toHaveAccessibleDescription(
    "Choose one.",
  );
  await card.getByRole("radio", { name: "Accept the story as it stands" }).check();
  await card.getByRole("button", { name: "Settle the dispute" }).click();
  const confirm = card.getByRole("button", { name: "Yes, settle it" });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription(/^This cannot be undone: Accept the story as it stands\./);
  await expectNoAxeViolations(lead, "dispute settlement confirmation (en)");
  await confirm.click();
  await expect(card.getByRole("status")).toHaveText(
    "Dispute settled (Accept the story as it stands). Next: CS-0005 is back in validation; closing the round validates it.",
  );
  await expect(card).toContainText("Settled: Accept the story as it stands.");
  await expect(card).toContainText("In validation");
  await expect(lead.getByRole("region", { name: "Disputes" })).toContainText("Every dispute is settled.");
  await expectNoAxeViolations(lead, "round with a settled dispute (en)");
  await english.close();

  // Back in Spanish: the dispute reads as settled, and closing (confirmed) validates the story.
  await page.reload();
  await expect(cardEs).toContainText("Resuelta: Aceptar la historia tal como está.");
  await expect(cardEs).toContainText(
    "Siguiente paso: CS-0005 vuelve a estar en validación; el cierre de la ronda la valida.",
  );
  await expect(cardEs.getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page, "round with a settled dispute (es)");
  await expectInteractive(page.getByRole("button", { name: "Cerrar la ronda" }));
  await page.getByRole("button", { name: "Cerrar la ronda" }).click();
  await expect(page.getByRole("button", { name: "Sí, cerrar la ronda" })).toHaveAccessibleDescription(
    /^El cierre no se puede deshacer/,
  );
  await page.getByRole("button", { name: "Sí, cerrar la ronda" }).click();
  await expect(page.getByRole("status").filter({ hasText: "cerrada" })).toHaveText(
    "La ronda está cerrada: 1 historia validada, ninguna sin validar.",
  );
  await page.goto(storyPath);
  await expect(page.getByRole("region", { name: "El recorrido de la historia" })).toContainText("Etapa: Validada");
});
