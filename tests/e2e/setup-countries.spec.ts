import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInAt } from "./support/sign-in";
import { newEvaluationLedByDemoLead } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await newEvaluationLedByDemoLead("Evaluación de prueba: otros países");
});

test("a lead adds Guatemala, a region with its code and a community under it; a respondent is logged there", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const base = `/evaluations/${evaluation.id}`;
  await signInAt(page, `${base}/settings/places`, "lead@demo.example", PASSWORD);
  await expect(page.getByText("Todavía no hay otro país.")).toBeVisible();
  const country = page.getByRole("form", { name: "Agregar un país" });
  await expectInteractive(country.getByRole("button", { name: "Agregar el país" }));

  // Mexico is built in; a malformed code is refused at its field.
  await country.getByLabel("Código ISO del país").fill("MX");
  await country.getByLabel("Nombre en español").fill("México");
  await country.getByLabel("Nombre en inglés").fill("Mexico");
  await country.getByRole("button", { name: "Agregar el país" }).click();
  await expect(
    country.getByText("México viene incluido: sus 32 estados siempre están disponibles.").first(),
  ).toBeVisible();
  await country.getByLabel("Nombre en español").fill("");
  await country.getByLabel("Nombre en inglés").fill("");
  // A known code fills in both names.
  await country.getByLabel("Código ISO del país").fill("gt");
  await expect(country.getByLabel("Nombre en español")).toHaveValue("Guatemala");
  await expect(country.getByLabel("Nombre en inglés")).toHaveValue("Guatemala");
  await country.getByRole("button", { name: "Agregar el país" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Guatemala se agregó." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Guatemala (código GT)" })).toBeVisible();

  const region = page.getByRole("form", { name: "Agregar una región de un país" });
  await region.getByLabel("País").selectOption({ label: "Guatemala (GT)" });
  await region.getByRole("textbox", { name: "Región (obligatorio)" }).fill("Quetzaltenango");
  await region.getByLabel("Código de la región").fill("GT-QZ");
  await region.getByRole("button", { name: "Agregar la región" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Quetzaltenango se agregó." })).toBeVisible();
  // The same region in other capitals is refused at its field.
  await region.getByLabel("País").selectOption({ label: "Guatemala (GT)" });
  await region.getByRole("textbox", { name: "Región (obligatorio)" }).fill("QUETZALTENANGO");
  await region.getByRole("button", { name: "Agregar la región" }).click();
  await expect(
    region.getByText("Este lugar ya está en la evaluación (sin contar acentos ni mayúsculas).").first(),
  ).toBeVisible();

  const abroad = page.getByRole("form", { name: "Agregar un municipio o comunidad en otro país" });
  await abroad.getByLabel("Región").selectOption({ label: "Quetzaltenango" });
  await abroad.getByLabel("Municipio").fill("Almolonga");
  await abroad.getByLabel("Comunidad").fill("Cantón Xequiquel");
  await abroad.getByRole("button", { name: "Agregar el lugar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cantón Xequiquel se agregó." })).toBeVisible();
  await expect(page.getByText("Almolonga · Cantón Xequiquel", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "setup: places in other countries (lead, es)");

  // A respondent in the Guatemalan region and municipality.
  await page.goto(`${base}/respondents/new`);
  await expectInteractive(page.getByRole("button", { name: "Guardar persona entrevistada" }));
  await page.getByLabel("Tipo de persona entrevistada").selectOption({ label: "Persona trabajadora no afiliada" });
  await page.getByLabel("Género").selectOption({ label: "Mujer" });
  await page.getByLabel("Estado", { exact: true }).selectOption("GT:Quetzaltenango");
  await page.getByLabel("Municipio").selectOption({ label: "Almolonga" });
  await page.getByLabel("Lengua de la entrevista").selectOption({ label: "Español" });
  await page.getByRole("button", { name: "Guardar persona entrevistada" }).click();
  await expect(page).toHaveURL(/\/respondents\/(?!new$)[a-z0-9]+$/);

  // The same page in English.
  const english = await browser.newContext({ locale: "en-US" });
  const lead = await english.newPage();
  await signInAt(lead, `${base}/settings/places`, "lead@demo.example", PASSWORD, "en");
  await expect(lead.getByRole("heading", { level: 3, name: "Guatemala (code GT)" })).toBeVisible();
  await expect(lead.getByText("code GT-QZ")).toBeVisible();
  await expectNoAxeViolations(lead, "setup: places in other countries (lead, en)");
  await english.close();
});
