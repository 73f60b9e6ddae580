import { writeFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { projectListXlsx, referencePortfolio } from "@/tests/support/project-list";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { inviteMember, joinAndSignIn } from "./support/invitation";
import { signInToList } from "./support/sign-in";
import { addFirstSource, addStoryteller, fillStoryEssentials } from "./support/story-form";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const DOMAINS = [
  ["Libertad sindical", "Freedom of association"],
  ["Negociación colectiva", "Collective bargaining"],
  ["Justicia laboral", "Labour justice"],
  ["Inspección del trabajo", "Labour inspection"],
  ["Otro cambio", "Other change"],
] as const;
const STATES = ["Oaxaca", "Veracruz", "Chiapas", "Nuevo León", "Ciudad de México", "Michoacán"];

async function signedIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ locale: "es-MX" })).newPage();
  await signInToList(page, email, password);
  return page;
}

/** The administrator creates the evaluation in the app and names the demo lead as its lead. */
async function createEvaluation(page: Page, name: string): Promise<string> {
  await page.goto("/evaluations/new");
  await expectInteractive(page.getByRole("button", { name: "Crear evaluación" }));
  await page.getByLabel("Nombre de la evaluación").fill(name);
  await page.getByLabel("Cliente").fill("Oficina de Asuntos Laborales Internacionales");
  await page.getByLabel("Organización evaluadora").fill("Equipo evaluador del recorrido");
  await page.getByLabel("Inicio del periodo de reporte").fill("2025-01-01");
  await page.getByLabel("Fin del periodo de reporte").fill("2025-12-31");
  const languages = page.getByRole("group", { name: "Idiomas" });
  for (const language of await languages.getByRole("checkbox").all()) await language.check();
  await page.getByLabel("Correo electrónico de la primera persona líder").fill("lead@demo.example");
  await page.getByRole("button", { name: "Crear evaluación" }).click();
  await expect(page.getByText("Se creó la evaluación y Mariana Quiroga Salas es su líder.")).toBeVisible();
  await page.getByRole("link", { name: "Abrir la evaluación" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function defineDomains(page: Page, base: string) {
  await page.goto(`${base}/settings/domains`);
  const form = page.getByRole("form", { name: "Agregar un dominio" });
  await expectInteractive(form.getByRole("button", { name: "Agregar el dominio" }));
  for (const [nameEs, nameEn] of DOMAINS) {
    await form.getByLabel("Nombre en español").fill(nameEs);
    await form.getByLabel("Nombre en inglés").fill(nameEn);
    await form.getByLabel("Definición en español").fill(`Cambios en ${nameEs.toLowerCase()}.`);
    await form.getByLabel("Definición en inglés").fill(`Changes in ${nameEn.toLowerCase()}.`);
    if (nameEs === "Otro cambio") await form.getByLabel(/cambio abierto|otro cambio/i).check();
    await form.getByRole("button", { name: "Agregar el dominio" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `${nameEs} se agregó al final de la lista.` }),
    ).toBeVisible();
  }
  // The list shows the last domain once the page has refreshed after its addition: a move made
  // before that is made on a list without it, which the server refuses as out of date.
  await expect(page.getByRole("button", { name: "Subir Otro cambio" })).toBeAttached();
  // Keyboard only: "Justicia laboral" moves up to second place.
  await page.getByRole("button", { name: "Subir Justicia laboral" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Justicia laboral ahora es el número 2 de 5.")).toBeAttached();
  await expect(page.getByRole("button", { name: "Subir Justicia laboral" })).toBeFocused();
  await expectNoAxeViolations(page, "journey: domains");
}

/** The reference evaluation's 19 projects, from the spreadsheet the lead keeps them in. */
async function loadProjects(page: Page, base: string) {
  const spreadsheet = test.info().outputPath("cartera-del-recorrido.xlsx");
  writeFileSync(spreadsheet, await projectListXlsx(referencePortfolio()));
  await page.goto(`${base}/settings/projects`);
  await page.getByRole("link", { name: "Importar desde una hoja de cálculo" }).click();
  await expectInteractive(page.getByRole("button", { name: "Leer las columnas" }));
  await page.getByLabel("Archivo CSV o XLSX").setInputFiles(spreadsheet);
  await page.getByRole("button", { name: "Leer las columnas" }).click();
  const mapping = page.getByRole("group", { name: "2. Relaciona las columnas" });
  await expect(mapping.getByRole("combobox", { name: "Acronym" })).toHaveValue("acronym");
  await mapping.getByRole("button", { name: "Probar todas las filas (sin importar)" }).click();
  const result = page.getByRole("group", { name: "3. Compruebe e importe" });
  await expect(result.getByRole("status")).toHaveText("19 filas: 19 nuevas, 0 ya importadas, 0 con errores.");
  await result.getByRole("button", { name: "Importar 19 registros" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importado: 19 registros nuevos." })).toBeVisible();
  await page.getByRole("link", { name: "Volver a la cartera de proyectos" }).click();
  await expect(page.getByRole("table", { name: "19 proyectos" }).getByRole("row")).toHaveCount(20);
}

async function addPlaces(page: Page, base: string) {
  await page.goto(`${base}/settings/places`);
  await expectInteractive(page.getByRole("button", { name: "Agregar el estado" }));
  for (const state of STATES) {
    await page.getByRole("form", { name: "Agregar un estado" }).getByLabel("Estado").selectOption({ label: state });
    await page.getByRole("button", { name: "Agregar el estado" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${state} se agregó.` })).toBeVisible();
  }
  const places = page.getByRole("form", { name: "Agregar un municipio o una comunidad" });
  for (const [state, municipality, community] of [
    ["Oaxaca", "Oaxaca de Juárez", "San Felipe del Agua"],
    ["Veracruz", "Córdoba", "San Miguelito"],
  ] as const) {
    await places.getByLabel("Estado").selectOption({ label: state });
    await places.getByLabel("Municipio").fill(municipality);
    await places.getByLabel("Comunidad").fill(community);
    await places.getByRole("button", { name: "Agregar el lugar" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${community} se agregó.` })).toBeVisible();
  }
}

async function writeLearnings(page: Page, base: string) {
  await page.goto(`${base}/learnings`);
  const lesson = page.getByRole("form", { name: "Agregar: Lecciones aprendidas" });
  await expectInteractive(lesson.getByRole("button", { name: "Agregar a «Lecciones aprendidas»" }));
  for (let number = 1; number <= 8; number++) {
    await lesson.getByLabel("Texto (español)").fill(`Lección número ${number} del equipo.`);
    await lesson.getByLabel("Texto (inglés)").fill(`The team's lesson number ${number}.`);
    await lesson.getByRole("button", { name: "Agregar a «Lecciones aprendidas»" }).click();
    await expect(page.getByRole("region", { name: "Lecciones aprendidas" }).getByRole("status")).toHaveText(
      `Se agregó: Lección ${number}.`,
    );
  }
  const recommendation = page.getByRole("form", { name: "Agregar: Recomendaciones" });
  const recommendations = page.getByRole("region", { name: "Recomendaciones" });
  for (let number = 1; number <= 10; number++) {
    // 1-6 for implementing partners, 7-10 for the funder, entered in mixed order.
    const audience = number % 2 === 0 && number <= 8 ? "El financiador" : "Socios implementadores";
    await recommendation.getByLabel("Destinatario").selectOption({ label: audience });
    await recommendation.getByLabel("Texto (español)").fill(`Recomendación ${number} para ${audience.toLowerCase()}.`);
    await recommendation.getByRole("button", { name: "Agregar a «Recomendaciones»" }).click();
    await expect(recommendations.getByRole("listitem")).toHaveCount(number);
  }
  await expect(recommendations.getByRole("listitem").getByRole("heading", { level: 3 })).toHaveText(
    Array.from({ length: 10 }, (_, index) => `Recomendación ${index + 1}`),
  );
  await expect(recommendations.getByRole("listitem").nth(5)).toContainText("para socios implementadores");
  await expect(recommendations.getByRole("listitem").nth(6)).toContainText("para el financiador");
  await expectNoAxeViolations(page, "journey: learnings");
}

/** The lead invites a new evaluator, who joins with a password of their own and signs in. */
async function invitedEvaluator(
  lead: Page,
  browser: Browser,
  baseURL: string | undefined,
  base: string,
): Promise<Page> {
  const address = `evaluadora.${Date.now()}@example.org`;
  const link = await inviteMember(lead, base, { address, role: "Evaluador/a" }, "es");
  return joinAndSignIn(browser, baseURL, link, { address, name: "Evaluadora del recorrido" });
}

/** A respondent in the new evaluation's own places, with consent to be interviewed and quoted. */
async function logRespondent(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/respondents/new`);
  await expectInteractive(page.getByRole("button", { name: "Guardar persona entrevistada" }));
  await page.getByLabel("Tipo de persona entrevistada").selectOption({ label: "Persona trabajadora no afiliada" });
  await page.getByLabel("Género").selectOption({ label: "Mujer" });
  await page.getByLabel("Estado", { exact: true }).selectOption("Oaxaca");
  await page.getByLabel("Municipio").selectOption({ label: "Oaxaca de Juárez" });
  await page.getByLabel("Lengua de la entrevista").selectOption({ label: "Español" });
  await page.getByLabel("Nombre completo").fill("Persona ficticia del recorrido");
  await page.getByRole("button", { name: "Guardar persona entrevistada" }).click();
  await expect(page).toHaveURL(/\/respondents\/(?!new$)[a-z0-9]+$/);
  const code = (await page.getByRole("heading", { level: 1 }).textContent())!;

  await page.getByRole("link", { name: "Registrar consentimiento" }).click();
  await page.getByLabel("Fecha en que se otorgó").fill("2025-03-10");
  await page.getByLabel("Versión del formulario de consentimiento").fill("2025-01 v1");
  await page.getByRole("group", { name: "Cómo se otorgó" }).getByLabel("Oral, grabado sin nombre").check();
  const scopes = page.getByRole("group", { name: "Usos a los que accedió la persona" });
  for (const scope of [
    "Entrevista",
    "Grabación de audio",
    "Cita anónima",
    "Compartir con el financiador",
    "Contacto para validación",
  ]) {
    await scopes.getByRole("group", { name: scope, exact: true }).getByLabel("Otorgado", { exact: true }).check();
  }
  await page.getByRole("button", { name: "Guardar consentimiento" }).click();
  await expect(page).toHaveURL(/\/respondents\/(?!new$)[a-z0-9]+$/);
  return code;
}

async function logInterview(page: Page, base: string, respondent: string) {
  await page.goto(`${base}/interviews/new`);
  await expectInteractive(page.getByLabel("Fecha"));
  await page.getByLabel("Fecha").fill("2025-03-10");
  await page.getByRole("checkbox", { name: new RegExp(`^${respondent}`) }).check();
  await page.getByLabel("Transcripción en el idioma original").fill("Ahora votamos el contrato colectivo en secreto.");
  await page.getByRole("button", { name: "Guardar entrevista" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entrevista del 10 de marzo de 2025" })).toBeVisible();
}

/** The evaluator's story, from the respondent and the interview, submitted and screened into a new domain. */
async function logAndScreenStory(page: Page, base: string, respondent: string) {
  await page.goto(`${base}/stories/new`);
  await expectInteractive(page.getByRole("button", { name: "Crear la historia" }));
  await fillStoryEssentials(page, {
    title: "Votación secreta del contrato",
    whatChanged: "En 2025 las trabajadoras votaron en secreto su contrato colectivo.",
    whySignificant: "«Por primera vez decidimos nosotras.»",
  });
  await addStoryteller(page, respondent);
  await addFirstSource(page);
  await page.getByRole("button", { name: "Crear la historia" }).click();
  await expect(page).toHaveURL(/\/stories\/(?!new$)[a-z0-9]+$/);

  const path = page.getByRole("region", { name: "El recorrido de la historia" });
  await path.getByRole("button", { name: "Enviar la historia" }).click();
  await expect(path.getByText("La historia ahora está en: Enviada.")).toBeVisible();
  const assign = page.getByRole("form", { name: "Asignar un dominio" });
  await assign.getByLabel("Dominio", { exact: true }).selectOption({ label: "3. Negociación colectiva" });
  await assign.getByLabel("Por qué este dominio").fill("La historia trata de un contrato colectivo votado en secreto.");
  await assign.getByRole("button", { name: "Asignar el dominio" }).click();
  await expect(page.getByText("Se asignó el dominio.")).toBeVisible();
  await path.getByRole("button", { name: "Marcar como admitida" }).click();
  await expect(path.getByText("La historia ahora está en: Admitida.")).toBeVisible();
  await expectNoAxeViolations(page, "journey: screened story");
}

test("an administrator creates an evaluation; its lead sets it up and writes its learnings; an evaluator logs a story and screens it into a new domain", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const admin = await signedIn(browser, "admin@demo.example");
  const name = `Evaluación del recorrido ${Date.now()}`;
  const base = await createEvaluation(admin, name);

  const lead = await signedIn(browser, "lead@demo.example");
  await defineDomains(lead, base);
  await loadProjects(lead, base);
  await addPlaces(lead, base);
  await writeLearnings(lead, base);

  const evaluator = await invitedEvaluator(lead, browser, baseURL, base);
  const respondent = await logRespondent(evaluator, base);
  await logInterview(evaluator, base, respondent);
  await logAndScreenStory(evaluator, base, respondent);
});
