import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInAt, signInToList } from "./support/sign-in";
import { DEMO_EVALUATION_NAME } from "@/prisma/seed/setup-rows";
import { newEvaluationLedByDemoLead } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await newEvaluationLedByDemoLead("Evaluación de prueba: configuración");
});

/** The domains as the list shows them, first to last (the Spanish name under its number). */
async function domainOrder(page: Page): Promise<string[]> {
  return (await page.locator("ol > li h3").allTextContents()).map((text) => text.replace(/^N\.º \d+ · /, ""));
}

async function addDomain(page: Page, nameEs: string, nameEn: string) {
  const form = page.getByRole("form", { name: "Agregar un dominio" });
  await form.getByLabel("Nombre en español").fill(nameEs);
  await form.getByLabel("Nombre en inglés").fill(nameEn);
  await form.getByLabel("Definición en español").fill(`Cambios de ${nameEs.toLowerCase()}.`);
  await form.getByLabel("Definición en inglés").fill(`Changes in ${nameEn.toLowerCase()}.`);
  await form.getByRole("button", { name: "Agregar el dominio" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${nameEs} se agregó al final de la lista.` })).toBeVisible();
}

test("a lead sets up a new evaluation's domains (reordered by keyboard), projects, places and details; an evaluator cannot", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const base = `/evaluations/${evaluation.id}`;
  await signInAt(page, `${base}/settings/domains`, "lead@demo.example", PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: `${evaluation.name}: Dominios de cambio` })).toBeVisible();
  await expect(page.getByText("Todavía no hay dominios. Agregue el primero abajo.")).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Agregar el dominio" }));

  // An empty form is refused at its fields, in Spanish.
  await page.getByRole("button", { name: "Agregar el dominio" }).click();
  await expect(page.getByLabel("Nombre en español")).toBeFocused();
  await expect(page.getByText("Este campo es obligatorio.").first()).toBeVisible();

  await addDomain(page, "Diálogo social", "Social dialogue");
  await addDomain(page, "Justicia laboral", "Labour justice");
  await addDomain(page, "Libertad sindical", "Freedom of association");
  // The same name with other accents and capitals is refused next to the field, and nothing is added.
  const form = page.getByRole("form", { name: "Agregar un dominio" });
  await form.getByLabel("Nombre en español").fill("DIALOGO social");
  await form.getByLabel("Nombre en inglés").fill("Another dialogue");
  await form.getByLabel("Definición en español").fill("Otra.");
  await form.getByLabel("Definición en inglés").fill("Another.");
  await form.getByRole("button", { name: "Agregar el dominio" }).click();
  await expect(
    form.getByText("Otro registro de esta evaluación ya tiene este nombre (sin contar acentos ni mayúsculas).").first(),
  ).toBeVisible();
  expect(await domainOrder(page)).toEqual(["Diálogo social", "Justicia laboral", "Libertad sindical"]);
  await expectNoAxeViolations(page, "setup: domains (lead, es)");

  // Keyboard only: the third domain moves up twice; focus stays on its button, each move is announced.
  await page.getByRole("button", { name: "Subir Libertad sindical" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Libertad sindical ahora es el número 2 de 3.")).toBeAttached();
  await expect(page.getByRole("button", { name: "Subir Libertad sindical" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Libertad sindical ahora es el número 1 de 3.")).toBeAttached();
  await expect(page.getByRole("button", { name: "Bajar Libertad sindical" })).toBeFocused();
  await page.reload();
  await expectInteractive(page.getByRole("button", { name: "Agregar el dominio" }));
  expect(await domainOrder(page)).toEqual(["Libertad sindical", "Diálogo social", "Justicia laboral"]);

  // Retire one (it stays, marked), then delete another after confirming.
  await page.getByRole("button", { name: "Retirar Justicia laboral" }).click();
  await expect(page.getByText(/Justicia laboral fue retirado/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Restablecer Justicia laboral" })).toBeVisible();
  await page.getByRole("button", { name: "Eliminar Diálogo social" }).click();
  await page.getByRole("button", { name: "Eliminar Diálogo social definitivamente" }).click();
  await expect(page.getByText("Diálogo social fue eliminado.")).toBeVisible();
  await expect.poll(() => domainOrder(page)).toEqual(["Libertad sindical", "Justicia laboral"]);

  // Projects: one added, a second with the same acronym (other accents) refused at the field.
  await page
    .getByRole("navigation", { name: "Secciones de la configuración" })
    .getByRole("link", { name: "Cartera de proyectos" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: `${evaluation.name}: Cartera de proyectos` })).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Agregar el proyecto" }));
  const project = page.getByRole("form", { name: "Agregar un proyecto" });
  await project.getByLabel("Siglas").fill("Acción Sindical");
  await project.getByLabel("Nombre", { exact: false }).first().fill("Proyecto de fortalecimiento sindical");
  await project.getByLabel("Oficina a cargo").fill("OTLA");
  await project.getByLabel("Fuentes de financiamiento").fill("USMCA, no USMCA");
  await project.getByLabel("Fecha de inicio").fill("2022-01-01");
  await project.getByLabel("Fecha de término").fill("2025-12-31");
  await project.getByRole("button", { name: "Agregar el proyecto" }).click();
  await expect(page.getByText("Acción Sindical se agregó.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Acción Sindical/ })).toContainText("USMCA, no USMCA");
  await project.getByLabel("Siglas").fill("ACCION sindical");
  await project.getByLabel("Nombre", { exact: false }).first().fill("Otro proyecto");
  await project.getByLabel("Oficina a cargo").fill("OCFT");
  await project.getByRole("button", { name: "Agregar el proyecto" }).click();
  await expect(
    project
      .getByText("Otro proyecto de esta evaluación ya tiene estas siglas (sin contar acentos ni mayúsculas).")
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, "setup: projects (lead, es)");

  // Places: six states from the catalogue, and two communities (their municipality comes with them).
  await page
    .getByRole("navigation", { name: "Secciones de la configuración" })
    .getByRole("link", { name: "Lugares" })
    .click();
  await expectInteractive(page.getByRole("button", { name: "Agregar el estado" }));
  for (const state of ["Oaxaca", "Veracruz", "Chiapas", "Nuevo León", "Ciudad de México", "Michoacán"]) {
    await page.getByRole("form", { name: "Agregar un estado" }).getByLabel("Estado").selectOption({ label: state });
    await page.getByRole("button", { name: "Agregar el estado" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${state} se agregó.` })).toBeVisible();
  }
  const places = page.getByRole("form", { name: "Agregar un municipio o una comunidad" });
  for (const [municipality, community] of [
    ["Oaxaca de Juárez", "San Felipe del Agua"],
    ["Santa María Tonameca", "Mazunte"],
  ] as const) {
    await places.getByLabel("Estado").selectOption({ label: "Oaxaca" });
    await places.getByLabel("Municipio").fill(municipality);
    await places.getByLabel("Comunidad").fill(community);
    await places.getByRole("button", { name: "Agregar el lugar" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${community} se agregó.` })).toBeVisible();
  }
  await expect(page.getByText("Clave INEGI 16 · ISO MX-MIC · Nombre oficial: Michoacán de Ocampo")).toBeVisible();
  await expect(page.getByText("Oaxaca de Juárez · San Felipe del Agua", { exact: true })).toBeVisible();
  // The same community again, other accents and capitals: refused at its field.
  await places.getByLabel("Estado").selectOption({ label: "Oaxaca" });
  await places.getByLabel("Municipio").fill("OAXACA DE JUAREZ");
  await places.getByLabel("Comunidad").fill("san felipe del agua");
  await places.getByRole("button", { name: "Agregar el lugar" }).click();
  await expect(
    places.getByText("Este lugar ya está en la evaluación (sin contar acentos ni mayúsculas).").first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, "setup: places (lead, es)");

  // The evaluation's details: the original language changes, and the change is saved.
  await page
    .getByRole("navigation", { name: "Secciones de la configuración" })
    .getByRole("link", { name: "La evaluación" })
    .click();
  await expectInteractive(page.getByRole("button", { name: "Guardar los datos de la evaluación" }));
  await page.getByLabel("Cliente (financiador)").fill("Departamento del Trabajo de EE. UU., ILAB");
  await page.getByRole("radio", { name: "Inglés, con traducciones al español" }).check();
  await page.getByRole("button", { name: "Guardar los datos de la evaluación" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Guardado." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Cliente (financiador)")).toHaveValue("Departamento del Trabajo de EE. UU., ILAB");
  await expect(page.getByRole("radio", { name: "Inglés, con traducciones al español" })).toBeChecked();
  await expectNoAxeViolations(page, "setup: details (lead, es)");

  // Start from another evaluation: the demo's lists arrive, what is here stays.
  await page.getByLabel("Evaluación de la que se copia").selectOption({ label: DEMO_EVALUATION_NAME });
  await page.getByRole("button", { name: "Copiar su configuración" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText:
        /^Se copiaron 5 dominios, 19 proyectos, \d+ lugares, \d+ sectores, \d+ prioridades y 5 grupos en riesgo\.$/,
    }),
  ).toBeVisible();
  await page.goto(`${base}/settings/domains`);
  await expect.poll(() => domainOrder(page)).toHaveLength(7);
  expect((await domainOrder(page)).slice(0, 2)).toEqual(["Libertad sindical", "Justicia laboral"]);

  // Sectors and priorities: one sector added and renamed, its old name refused a second time.
  await page.goto(`${base}/settings/lists`);
  await expectInteractive(page.getByRole("button", { name: "Agregar" }).first());
  const sectors = page.getByRole("form", { name: "Agregar un sector" });
  await sectors.getByLabel("Nombre en español").fill("Chile y jitomate");
  await sectors.getByLabel("Nombre en inglés").fill("Chili and tomato");
  await sectors.getByRole("button", { name: "Agregar" }).click();
  await expect(page.getByText("Chile y jitomate se agregó.")).toBeVisible();
  await page.getByRole("button", { name: "Renombrar Chile y jitomate" }).click();
  const rename = page.getByRole("form", { name: "Renombrar Chile y jitomate" });
  await expect(rename.getByLabel("Nombre en español")).toBeFocused();
  await rename.getByLabel("Nombre en español").fill("Chile, jitomate y hortalizas");
  await rename.getByRole("button", { name: "Guardar los nombres" }).click();
  await expect(page.getByText("Chile, jitomate y hortalizas se guardó.")).toBeVisible();
  await sectors.getByLabel("Nombre en español").fill("CHILE, JITOMATE Y HORTALIZAS");
  await sectors.getByLabel("Nombre en inglés").fill("Vegetables");
  await sectors.getByRole("button", { name: "Agregar" }).click();
  await expect(
    sectors
      .getByText("Otro registro de esta evaluación ya tiene este nombre (sin contar acentos ni mayúsculas).")
      .first(),
  ).toBeVisible();
  // At-risk groups: the five copied from the demo, one more added, a copied one's name refused again.
  const groups = page.getByRole("form", { name: "Agregar un grupo en riesgo" });
  await expect(page.getByRole("table", { name: "5 grupos en riesgo" })).toBeVisible();
  await groups.getByLabel("Nombre en español").fill("Jornaleras agrícolas");
  await groups.getByLabel("Nombre en inglés").fill("Women farmworkers");
  await groups.getByRole("button", { name: "Agregar" }).click();
  await expect(page.getByText("Jornaleras agrícolas se agregó.")).toBeVisible();
  await expect(page.getByRole("table", { name: "6 grupos en riesgo" })).toBeVisible();
  await groups.getByLabel("Nombre en español").fill("MUJERES TRABAJADORAS");
  await groups.getByLabel("Nombre en inglés").fill("Working women");
  await groups.getByRole("button", { name: "Agregar" }).click();
  await expect(
    groups
      .getByText("Otro registro de esta evaluación ya tiene este nombre (sin contar acentos ni mayúsculas).")
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, "setup: sectors, priorities and at-risk groups (lead, es)");

  // An evaluator of another evaluation, and of this one, gets a 404: nothing about the setup is revealed.
  const context = await browser.newContext({ locale: "es-MX" });
  const evaluator = await context.newPage();
  await signInToList(evaluator, "evaluator@demo.example", PASSWORD);
  const response = await evaluator.goto(`${base}/settings/domains`);
  expect(response?.status()).toBe(404);
  await expect(evaluator.getByText("Libertad sindical")).toHaveCount(0);
  await context.close();
});
