import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { inviteMember, joinAndSignIn } from "./support/invitation";
import { signInToEvaluation, signInToList } from "./support/sign-in";
import { demoRespondent } from "./support/world";

// Fieldwork happens in Spanish: the evaluator's browser is Mexican; later steps switch to English.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";
const NAME = "Rosalinda Ensayo Ficticia";
const PHONE = "+52 951 000 1234";
const COMMUNITY = "Colonia Ensayo Norte";
/** The identity of the respondent each later test records for itself, so no test reads another's. */
const IDENTITY = { name: NAME, phone: PHONE, community: COMMUNITY };

async function asUser(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  locale = "es-MX",
  password = PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale });
  const page = await context.newPage();
  await signInToList(page, email, password, locale.startsWith("en") ? "en" : "es");
  return page;
}

/** A new member with one role, invited by the lead through the members page. */
async function invitedMember(
  browser: Browser,
  baseURL: string | undefined,
  evaluationPath: string,
  role: "Analyst" | "Panelist",
): Promise<Page> {
  const lead = await asUser(browser, baseURL, "lead@demo.example", "en-US");
  const address = `${role.toLowerCase()}.${Date.now()}@example.org`;
  const link = await inviteMember(lead, evaluationPath, { address, role }, "en");
  await lead.context().close();
  return joinAndSignIn(browser, baseURL, link, { address, name: `Prueba ${role}` });
}

/** The page's HTML and its RSC payload (what a client-side navigation would fetch). */
async function everythingSent(page: Page, path: string): Promise<string> {
  const rsc = await page.request.get(path, { headers: { RSC: "1" } });
  return `${await page.content()}\n${await rsc.text()}`;
}

test("an evaluator creates a respondent with identity and consent and reveals the identity; the lead sees the read in the audit trail", async ({
  page,
  browser,
  baseURL,
}) => {
  const evaluationPath = await signInToEvaluation(page, EVALUATION, "evaluator@demo.example", PASSWORD);

  await page.goto(`${evaluationPath}/respondents/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nueva persona entrevistada" })).toBeVisible();
  await expectNoAxeViolations(page, "new respondent (es)");

  // Nothing chosen: the server answers field by field, in Spanish, and focus goes to the first field.
  await page.getByRole("button", { name: "Guardar persona entrevistada" }).click();
  const type = page.getByLabel("Tipo de persona entrevistada");
  await expect(type).toHaveAttribute("aria-invalid", "true");
  await expect(type).toBeFocused();
  await expect(page.locator("#respondent-type-error")).toHaveText("Elija una de las opciones.");
  await expect(page.locator("#respondent-state-error")).toHaveText("Elija un estado de México de la lista.");
  await expectNoAxeViolations(page, "new respondent with errors (es)");

  await type.selectOption({ label: "Persona trabajadora no afiliada" });
  await page.getByLabel("Género").selectOption({ label: "Mujer" });
  await page.getByLabel("Estado", { exact: true }).selectOption("Oaxaca");
  await page.getByLabel("Municipio").selectOption({ label: "Oaxaca de Juárez" });
  await page.getByLabel("Lengua de la entrevista").selectOption({ label: "Mixteco" });
  await page.getByLabel("Mujeres trabajadoras").check();
  await page.getByLabel("Nombre completo").fill(NAME);
  await page.getByLabel("Teléfono").fill(PHONE);
  await page.getByLabel("Comunidad").fill(COMMUNITY);
  await page.getByRole("button", { name: "Guardar persona entrevistada" }).click();

  await expect(page).toHaveURL(/\/respondents\/(?!new$)[a-z0-9]+$/);
  const respondentPath = new URL(page.url()).pathname;
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^R-\d{4}$/);
  const respondentCode = (await heading.textContent())!;
  await expect(page.getByRole("region", { name: "Características" })).toContainText("Oaxaca de Juárez, Oaxaca");
  await expect(page.getByRole("region", { name: "Características" })).toContainText("Mujeres trabajadoras");
  // The identity is not in the page until asked for.
  expect(await everythingSent(page, respondentPath)).not.toContain("Rosalinda");
  await expectNoAxeViolations(page, "respondent (es)");

  await page.getByRole("link", { name: "Registrar consentimiento" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Registrar el consentimiento de ${respondentCode}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "consent form (es)");
  await page.getByLabel("Fecha en que se otorgó").fill("2024-07-10");
  await page.getByLabel("Versión del formulario de consentimiento").fill("2024-05 v2");
  await page.getByRole("group", { name: "Cómo se otorgó" }).getByLabel("Oral, grabado sin nombre").check();
  const scopes = page.getByRole("group", { name: "Usos a los que accedió la persona" });
  for (const [scope, answer] of [
    ["Entrevista", "Otorgado"],
    ["Grabación de audio", "No otorgado"],
    ["Cita anónima", "Otorgado"],
    ["Compartir con el financiador", "No otorgado"],
  ] as const) {
    await scopes.getByRole("group", { name: scope, exact: true }).getByLabel(answer, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Guardar consentimiento" }).click();
  // One scope left unanswered: refused next to it, nothing saved.
  const validation = scopes.getByRole("group", { name: "Contacto para validación" });
  await expect(validation).toContainText("Indique si se otorgó este uso.");
  await validation.getByLabel("Otorgado", { exact: true }).check();
  await page.getByRole("button", { name: "Guardar consentimiento" }).click();

  await expect(page).toHaveURL(new RegExp(`${respondentPath}$`));
  const consent = page.getByRole("region", { name: "Consentimiento" });
  await expect(consent).toContainText("Oral, grabado sin nombre");
  await expect(consent.getByRole("row", { name: /Grabación de audio/ })).toContainText("No otorgado");
  await expect(consent.getByRole("row", { name: /Contacto para validación/ })).toContainText("Otorgado");

  const identity = page.getByRole("region", { name: "Identidad" });
  await identity.getByRole("button", { name: "Mostrar identidad" }).click();
  await expect(identity).toContainText(NAME);
  await expect(identity).toContainText(PHONE);
  await expect(identity).toContainText(COMMUNITY);
  await expect(identity).toContainText("Esta consulta quedó registrada en la bitácora de auditoría.");
  await expectNoAxeViolations(page, "respondent with identity shown (es)");
  await identity.getByRole("button", { name: "Ocultar identidad" }).click();
  await expect(identity).not.toContainText(NAME);

  // The respondents table finds them by the evaluation's at-risk group.
  await page.goto(`${evaluationPath}/respondents`);
  await page.getByLabel("Grupo en riesgo").selectOption({ label: "Mujeres trabajadoras" });
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/atRiskGroup=/);
  await expect(page.getByRole("link", { name: respondentCode, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "respondents filtered by at-risk group (es)");

  const lead = await asUser(browser, baseURL, "lead@demo.example");
  const respondentId = respondentPath.split("/").pop()!;
  await lead.goto(`${evaluationPath}/audit?action=respondent.identity.read`);
  const row = lead.getByRole("row").filter({ hasText: "respondent.identity.read" }).filter({ hasText: respondentId });
  await expect(row).toHaveCount(1);
  // The event reads as a sentence; the raw record is one click away.
  await expect(row.getByRole("cell").nth(2)).toHaveText(
    `Daniel Esquivel Mora reveló la identidad de ${respondentCode}`,
  );
  await row.getByText(/^Mostrar el registro original/).click();
  await expect(row.getByText("respondent.identity.read", { exact: true })).toBeVisible();
  await expectNoAxeViolations(lead, "audit trail as sentences, raw record open (es)");
  await expect(lead.locator("main")).not.toContainText("Rosalinda");
  await lead.context().close();
});

test("an analyst sees the code and attributes but never the identity; reviewers and panelists get 404", async ({
  browser,
  baseURL,
}) => {
  const { path: respondentPath, code: respondentCode } = await demoRespondent(IDENTITY);
  const evaluationPath = respondentPath.replace(/\/respondents\/[^/]+$/, "");
  const analyst = await invitedMember(browser, baseURL, evaluationPath, "Analyst");
  const response = await analyst.goto(respondentPath);
  expect(response?.status()).toBe(200);
  await expect(analyst.getByRole("heading", { level: 1, name: respondentCode })).toBeVisible();
  await expect(analyst.getByRole("button", { name: "Mostrar identidad" })).toHaveCount(0);
  await expect(analyst.getByRole("link", { name: "Editar características" })).toHaveCount(0);
  const sent = await everythingSent(analyst, respondentPath);
  expect(sent).toContain(respondentCode);
  for (const secret of ["Rosalinda", "951 000 1234", "Ensayo Norte"]) expect(sent).not.toContain(secret);

  // The same page in English, still without the identity.
  await analyst.getByRole("button", { name: "English" }).click();
  await expect(analyst.getByRole("heading", { level: 2, name: "Attributes" })).toBeVisible();
  await expect(
    analyst.getByRole("region", { name: "Consent" }).getByRole("row", { name: /Audio recording/ }),
  ).toContainText("Not granted");
  await expectNoAxeViolations(analyst, "respondent as analyst (en)");
  await analyst.context().close();

  const reviewer = await asUser(browser, baseURL, "reviewer@demo.example");
  const panelist = await invitedMember(browser, baseURL, evaluationPath, "Panelist");
  for (const [who, page] of [
    ["reviewer", reviewer],
    ["panelist", panelist],
  ] as const) {
    const refused = await page.goto(respondentPath);
    expect(refused?.status(), who).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Página no encontrada|Page not found/);
    const everything = await everythingSent(page, respondentPath);
    for (const secret of ["Rosalinda", respondentCode, "Oaxaca de Juárez"])
      expect(everything, who).not.toContain(secret);
    expect((await page.goto(`${respondentPath}/withdraw`))?.status(), who).toBe(404);
    await page.context().close();
  }
});

test("a withdrawal with destroy, by keyboard and in English: confirmed, final, and the identity is gone", async ({
  browser,
  baseURL,
}) => {
  const { path: respondentPath, code: respondentCode } = await demoRespondent(IDENTITY);
  const page = await asUser(browser, baseURL, "evaluator@demo.example", "en-US");
  await page.getByRole("button", { name: "English" }).click();
  await page.goto(`${respondentPath}/withdraw`);
  await expect(page.getByRole("heading", { level: 1, name: `Withdraw consent of ${respondentCode}` })).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Withdraw consent" }));
  await expect(page.getByRole("note").first()).toContainText("A withdrawal cannot be undone.");
  await expectNoAxeViolations(page, "withdrawal form (en)");

  await page.getByLabel("Date of withdrawal").fill("2024-11-20");
  // Radios by keyboard: Tab into the group, arrows to the third choice.
  const stop = page.getByRole("radio", { name: /^Stop/ });
  await stop.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^Destroy/ })).toBeChecked();
  await expect(page.getByRole("note").filter({ hasText: "Destroy erases the identity" })).toContainText(
    "no interviews, no focus groups and no stories",
  );

  // Not confirmed: refused next to the checkbox, and focus lands there.
  await page.getByRole("button", { name: "Withdraw consent" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByLabel("I understand that this withdrawal is final and cannot be undone.");
  await expect(confirm).toBeFocused();
  await expect(page.locator("#withdrawal-confirm-error")).toHaveText(
    "Confirm that you understand the withdrawal is final.",
  );
  await expectNoAxeViolations(page, "withdrawal form with errors (en)");
  await page.keyboard.press("Space");
  await expect(confirm).toBeChecked();
  await page.getByRole("button", { name: "Withdraw consent" }).focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`${respondentPath}$`));
  await expect(page.getByRole("region", { name: "Consent" })).toContainText("Consent withdrawn on November 20, 2024.");
  await expect(page.locator("main")).toContainText(
    "this respondent is left out of selection, validation, reports and exports",
  );
  const identity = page.getByRole("region", { name: "Identity" });
  await expect(identity).toContainText("The identity was destroyed on");
  await expect(identity.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Withdraw consent" })).toHaveCount(0);
  await expectNoAxeViolations(page, "respondent after withdrawal (en)");

  // Final: the forms say so instead of offering to undo it.
  await page.goto(`${respondentPath}/withdraw`);
  await expect(page.locator("main")).toContainText("Consent was already withdrawn on November 20, 2024.");
  await page.goto(`${respondentPath}/consent`);
  await expect(page.locator("main")).toContainText("a withdrawal cannot be undone");
  await page.context().close();
});
