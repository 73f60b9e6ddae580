import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { chooseLanguage } from "./support/language";
import { signInToEvaluation } from "./support/sign-in";
import { updateFieldworkPlan } from "@/lib/fieldwork-plan/mutations";
import { appDatabase, copyOfDemo } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const DEMO_ROUND = "Ronda 1: cambios más significativos del dominio";
// A copy of the demo of this spec's own: no other spec's votes or decisions change its figures.
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: tablero");
});

/** Adds a state to the evaluation's fieldwork plan as its lead would, keeping what is planned. */
async function planState(evaluationId: string, state: string): Promise<void> {
  const prisma = appDatabase();
  const lead = await prisma.user.findFirstOrThrow({ where: { email: "lead@demo.example" }, select: { id: true } });
  const seen = await prisma.fieldworkPlanRegion.findMany({
    where: { evaluationId },
    select: { region: true, plannedInterviews: true, plannedFocusGroups: true },
  });
  if (seen.some((row) => row.region === state)) return;
  const regions = [...seen, { region: state, plannedInterviews: 2, plannedFocusGroups: 1 }];
  const result = await updateFieldworkPlan({ evaluationId, actorId: lead.id, regions, seen });
  if (!result.ok) throw new Error(result.reason);
}

test("a lead sees the funnel, who and where in Spanish and English, filters it, and opens a count in the story list", async ({
  page,
}) => {
  // Four axe passes over the whole dashboard (now with its meta-monitoring, quantification and
  // coverage tables) and two downloads: more than the default minute on a busy 2-core machine.
  test.setTimeout(180_000);
  await signInToEvaluation(page, evaluation.name, "lead@demo.example", PASSWORD);
  await chooseLanguage(page, "Español");

  const funnel = page.getByRole("table", { name: /Historias por dominio y paso/ });
  await expect(funnel.getByRole("columnheader")).toHaveCount(16);
  const allDomains = funnel.getByRole("row", { name: /Todos los dominios/ });
  await expect(allDomains).toBeVisible();
  const who = page.getByRole("table", { name: "Personas entrevistadas por tipo y género" });
  await expect(who.getByRole("columnheader", { name: "Total de personas" })).toBeVisible();
  await expect(who).not.toContainText("< 5");
  const where = page.getByRole("table", {
    name: /Historias, entrevistas y participantes en grupos focales por estado/,
  });
  await expect(where.locator("tbody tr")).toHaveCount(33);
  await expect(page.getByRole("img", { name: /Mapa de México: historias por estado/ })).toBeVisible();
  await expect(page.getByText(/CC BY 4\.0/)).toBeVisible();
  // The funnel and the selection rates at a glance: charts named by their title and summary.
  await expect(
    page.getByRole("img", { name: /^Historias en cada paso, todos los dominios\. \d+ historias/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: /^Tasa de selección por tipo y género de narrador\. Tasa de selección por tipo/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Dominios de cambio" })).toBeVisible();
  // Meta-monitoring, quantification and coverage: each view a table with its caption.
  for (const caption of [
    "Historias contadas, seleccionadas y aprobadas, por tipo de narrador",
    "Historias contadas, seleccionadas y aprobadas, por grupo en riesgo del narrador",
    /Historias por dominio y tipo de cambio/,
    "Historias según quienes hicieron sus entrevistas de origen",
    "Paneles: integrantes por rol, decisiones y disenso",
    "Cifras de magnitud de las historias seleccionadas por dominio",
    "Historias etiquetadas con cada grupo en riesgo, recogidas y seleccionadas",
    "Candidatas de rondas decididas con retroalimentación registrada",
    "Muestra de validación extraída y personas alcanzadas, por estrato",
  ]) {
    await expect(page.getByRole("table", { name: caption })).toBeVisible();
  }
  await expect(
    page
      .getByRole("table", { name: "Historias contadas, seleccionadas y aprobadas, por tipo de narrador" })
      .getByRole("columnheader", { name: "Tasa de selección" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "dashboard, lead (es)");

  // Each figure downloads with the page's filters; the map as SVG too.
  const csvLink = page.getByRole("link", { name: "Descargar «Quién integra los paneles» como CSV" });
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Nombre del panel");
  const svgLink = page.getByRole("link", { name: /grupos focales por estado» como SVG$/ });
  const svg = await page.request.get((await svgLink.getAttribute("href"))!);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  const funnelPng = await page.request.get(
    (await page
      .getByRole("link", { name: "Descargar «En qué paso están las historias» como PNG" })
      .getAttribute("href"))!,
  );
  expect(funnelPng.headers()["content-type"]).toBe("image/png");

  // A filter goes into the address and applies to every view.
  await expectInteractive(page.getByRole("button", { name: "Aplicar filtros" }));
  await page.getByLabel("Tipo de cambio", { exact: true }).selectOption("NO_CHANGE");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/changeType=NO_CHANGE/);
  await expect(page.getByLabel("Tipo de cambio", { exact: true })).toHaveValue("NO_CHANGE");
  await expectNoAxeViolations(page, "dashboard filtered, lead (es)");

  // Back to every story: a count opens the story list filtered to it.
  await page.getByRole("link", { name: "Quitar filtros" }).click();
  await expect(page).not.toHaveURL(/changeType/);
  const firstCount = page
    .getByRole("table", { name: /Historias por dominio y paso/ })
    .getByRole("row", { name: /Todos los dominios/ })
    .getByRole("link")
    .first();
  const expected = await firstCount.textContent();
  await firstCount.click();
  await expect(page).toHaveURL(/\/stories\?stage=[A-Z_]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(new RegExp(`\\b${expected}\\b`)).first()).toBeVisible();

  // A filter the dashboard cannot read counts nothing and says so.
  await page.goto(`/evaluations/${evaluation.id}?changeType=%7B%22not%22%3Anull%7D`);
  const refusal = page.getByRole("alert").filter({ hasText: "No se puede mostrar este tablero" });
  await expect(refusal).toContainText("Tipo de cambio");
  await expect(page.getByRole("table", { name: /Historias por dominio y paso/ })).toHaveCount(0);

  await page.goto(`/evaluations/${evaluation.id}`);
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { level: 2, name: "Where the stories stand" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Respondents by type and gender" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Map of Mexico: stories by state/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Stories at each step, all domains\. \d+ stories/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Whose stories get selected" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Selection rate by storyteller type and gender\./ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Magnitude figures of selected stories by domain" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Validation sample drawn and respondents reached, by stratum" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "dashboard, lead (en)");
});

test("a lead plans the fieldwork in the setup and sees it against what was held, as a table, a chart and a PNG", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInToEvaluation(page, evaluation.name, "lead@demo.example", PASSWORD);
  await chooseLanguage(page, "Español");
  await page.goto(`/evaluations/${evaluation.id}/settings/plan`);
  await expect(page.getByRole("heading", { level: 2, name: "Plan de trabajo de campo" })).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Guardar el plan" }));
  // A hostile value is refused next to its box, and nothing is saved.
  await page.getByLabel("Entrevistas planeadas en Oaxaca", { exact: true }).fill("-3");
  await page.getByRole("button", { name: "Guardar el plan" }).click();
  await expect(page.getByText("Escriba un número entero, 0 o más.")).toBeVisible();
  await expect(page.getByLabel("Entrevistas planeadas en Oaxaca", { exact: true })).toBeFocused();
  await page.getByLabel("Entrevistas planeadas en Oaxaca", { exact: true }).fill("12");
  await page.getByLabel("Grupos focales planeados en Oaxaca", { exact: true }).fill("2");
  await page.getByLabel("Entrevistas planeadas en Baja California Sur", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Guardar el plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "El plan se guardó." })).toBeVisible();
  await expectNoAxeViolations(page, "fieldwork plan, lead (es)");

  await page.goto(`/evaluations/${evaluation.id}`);
  const plan = page.getByRole("table", {
    name: "Entrevistas y grupos focales planeados y realizados por estado o región",
  });
  await expect(plan.getByRole("row", { name: /Baja California Sur/ })).toContainText("Planeado, sin alcanzar");
  await expect(
    plan
      .getByRole("row", { name: /Oaxaca/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("12");
  await expect(page.getByRole("img", { name: /Entrevistas planeadas y realizadas por estado o región/ })).toBeVisible();
  // The map marks the planned state not reached, in its table, its legend and its summary.
  const where = page.getByRole("table", {
    name: /Historias, entrevistas y participantes en grupos focales por estado/,
  });
  await expect(where.getByRole("row", { name: /Baja California Sur/ })).toContainText("En el plan, aún sin alcanzar");
  await expect(page.getByRole("list", { name: "Historias por estado" })).toContainText("En el plan, aún sin alcanzar");
  await expect(
    page.getByRole("img", { name: /Mapa de México.*1 estado del plan aún no tiene entrevistas/ }),
  ).toBeVisible();
  const png = await page.request.get(
    (await page
      .getByRole("link", {
        name: "Descargar «Entrevistas y grupos focales planeados y realizados por estado o región» como PNG",
      })
      .getAttribute("href"))!,
  );
  expect(png.headers()["content-type"]).toBe("image/png");
  expect([...(await png.body()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  await expectNoAxeViolations(page, "dashboard with the plan, lead (es)");

  await chooseLanguage(page, "English");
  const planEn = page.getByRole("table", { name: "Interviews and focus groups planned and held per state or region" });
  await expect(planEn.getByRole("row", { name: /Baja California Sur/ })).toContainText("Planned, not reached");
  await expect(
    page
      .getByRole("table", { name: "Stories, interviews and focus-group participants by state" })
      .getByRole("row", { name: /Baja California Sur/ }),
  ).toContainText("In the plan, not reached yet");
  await expect(page.getByRole("img", { name: /Map of Mexico.*1 state in the plan has no interview/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Interviews planned and held per state or region/ })).toBeVisible();
  await expectNoAxeViolations(page, "dashboard with the plan, lead (en)");
  await page.goto(`/evaluations/${evaluation.id}/settings/plan`);
  await expect(page.getByLabel("Planned interviews in Oaxaca", { exact: true })).toHaveValue("12");
  await expectNoAxeViolations(page, "fieldwork plan, lead (en)");
});

test("a reviewer sees approved outcomes only, and respondent counts under 5 as “< 5”", async ({ page }) => {
  await planState(evaluation.id, "Baja California Sur");
  await signInToEvaluation(page, evaluation.name, "reviewer@demo.example", PASSWORD);
  await chooseLanguage(page, "English");
  const funnel = page.getByRole("table", { name: /Stories by domain and step/ });
  await expect(funnel.getByRole("columnheader")).toHaveText(["Domain", "Approved", "All steps"]);
  await expect(funnel.getByRole("link")).toHaveCount(0);
  const who = page.getByRole("table", { name: "Respondents by type and gender" });
  await expect(who).toContainText("< 5");
  await expect(who.getByRole("cell", { name: "fewer than 5" }).first()).toBeVisible();
  await expect(who.getByRole("columnheader", { name: "All respondents" })).toHaveCount(0);
  await expect(page.getByText(/counts of respondents under 5 are shown as “< 5”/).first()).toBeVisible();
  const tellers = page.getByRole("table", { name: "Stories told, selected and approved, by storyteller type" });
  await expect(tellers.getByRole("columnheader")).toHaveText(["Group", "Storytellers", "Stories told", "Approved"]);
  await expect(tellers).toContainText("< 5");
  // No decisions, so no selection rate chart; the map's plan mark does not tell none from a few.
  await expect(page.getByRole("img", { name: /^Selection rate by storyteller type/ })).toHaveCount(0);
  await expect(
    page.getByRole("img", { name: /^Stories at each step, all domains\. \d+ approved outcome/ }),
  ).toBeVisible();
  const where = page.getByRole("table", { name: "Stories, interviews and focus-group participants by state" });
  await expect(where.getByRole("row", { name: /Baja California Sur/ })).toContainText(
    "In the plan, fewer than 5 interviews and fewer than 5 focus groups held",
  );
  await expect(where).not.toContainText("not reached");
  // The file says "< 5" too.
  const download = await page.request.get(
    (await page.getByRole("link", { name: "Download “Whose stories get selected” as CSV" }).getAttribute("href"))!,
  );
  expect(await download.text()).toContain("< 5");
  await expectNoAxeViolations(page, "dashboard, reviewer (en)");

  await chooseLanguage(page, "Español");
  await expect(page.getByRole("table", { name: "Personas entrevistadas por tipo y género" })).toContainText("< 5");
  await expectNoAxeViolations(page, "dashboard, reviewer (es)");
});

test("a panelist reaches their ballot in one click from the dashboard", async ({ page }) => {
  await signInToEvaluation(page, evaluation.name, "panelist2@demo.example", PASSWORD);
  await chooseLanguage(page, "Español");
  const waiting = page.getByRole("region", { name: "Pendiente para usted" });
  const ballot = waiting.getByRole("link", { name: new RegExp(`^Votar \\d+ historias? en «${DEMO_ROUND}»`) });
  await expect(ballot).toBeVisible();
  await expectNoAxeViolations(page, "dashboard, panelist (es)");
  await ballot.click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ROUND })).toBeVisible();

  await page.goBack();
  await chooseLanguage(page, "English");
  const waitingEn = page.getByRole("region", { name: "Waiting for you" });
  await expect(
    waitingEn.getByRole("link", { name: new RegExp(`^Vote on \\d+ stor(y|ies) in “${DEMO_ROUND}”`) }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "dashboard, panelist (en)");
});
