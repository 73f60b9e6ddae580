import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_EVALUATION_NAME } from "@/prisma/seed/setup-rows";
import { projectListXlsx, referencePortfolio } from "@/tests/support/project-list";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInAt, signInToEvaluation } from "./support/sign-in";
import { newEvaluationLedByDemoLead } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await newEvaluationLedByDemoLead("Evaluación de prueba: cartera importada");
});

test("a lead loads the reference evaluation's 19 projects from an XLSX on the projects page: dry run, commit, the list", async ({
  page,
}) => {
  // Four axe passes and a commit on the embedded database of a busy machine.
  test.setTimeout(180_000);
  // The spreadsheet a lead would keep, written now (no binary file in the repository).
  const spreadsheet = test.info().outputPath("cartera-usmca.xlsx");
  writeFileSync(spreadsheet, await projectListXlsx(referencePortfolio()));

  const projectsPath = `/evaluations/${evaluation.id}/settings/projects`;
  await signInAt(page, projectsPath, "lead@demo.example", PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: `${evaluation.name}: Cartera de proyectos` })).toBeVisible();
  await expect(page.getByText("Todavía no hay proyectos")).toBeVisible();
  await page.getByRole("link", { name: "Importar desde una hoja de cálculo" }).click();

  // The wizard opens on a project list, with its own wording.
  await expect(page.getByRole("heading", { level: 1, name: "Importaciones desde KoboToolbox y ODK" })).toBeVisible();
  const kind = page.getByLabel("Qué contiene el archivo");
  await expect(kind).toHaveValue("PROJECTS");
  await expect(kind.locator("option:checked")).toHaveText("Cartera de proyectos");
  await expectInteractive(page.getByRole("button", { name: "Leer las columnas" }));
  await expectNoAxeViolations(page, "project import, upload step (es)");
  await page.getByLabel("Archivo CSV o XLSX").setInputFiles(spreadsheet);
  await page.getByRole("button", { name: "Leer las columnas" }).click();

  const mapping = page.getByRole("group", { name: "2. Relaciona las columnas" });
  await expect(mapping.getByText("Las columnas se relacionaron por su nombre")).toBeFocused();
  await expect(mapping.getByRole("combobox", { name: "Acronym" })).toHaveValue("acronym");
  await expect(mapping.getByRole("combobox", { name: "Name", exact: true })).toHaveValue("name");
  await expect(mapping.getByRole("combobox", { name: "Name", exact: true }).locator("option:checked")).toHaveText(
    "Nombre del proyecto",
  );
  await expect(mapping.getByRole("combobox", { name: "Managing office" })).toHaveValue("managingOffice");
  await expect(mapping.getByRole("combobox", { name: "Funding streams" })).toHaveValue("fundingStreams");
  await expect(mapping.getByLabel("Columna que identifica cada proyecto")).toHaveValue("Acronym");
  await expectNoAxeViolations(page, "project import, mapping step (es)");
  await mapping.getByRole("button", { name: "Probar todas las filas (sin importar)" }).click();

  const result = page.getByRole("group", { name: "3. Compruebe e importe" });
  await expect(result.getByRole("status")).toHaveText("19 filas: 19 nuevas, 0 ya importadas, 0 con errores.");
  await expect(page.getByRole("heading", { name: "Errores de cartera-usmca.xlsx" })).toBeVisible();
  await expect(page.getByText("Sin errores.")).toBeVisible();
  await expectNoAxeViolations(page, "project import, dry run (es)");
  await result.getByRole("button", { name: "Importar 19 registros" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importado: 19 registros nuevos." })).toBeVisible();

  // Back on the projects page: the whole portfolio, with offices and funding streams.
  await page.getByRole("link", { name: "Volver a la cartera de proyectos" }).click();
  await expect(page).toHaveURL(new RegExp(`${projectsPath}$`));
  const table = page.getByRole("table", { name: "19 proyectos" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(20);
  await expect(table.getByRole("row", { name: /^EQUAL / })).toContainText("OCFT");
  await expect(table.getByRole("row", { name: /^EQUAL / })).toContainText("USMCA, non-USMCA");
  await expect(table.getByRole("row", { name: /^OBSERVAR / })).toContainText("OTLA");
  await expectNoAxeViolations(page, "setup: projects after the import (lead, es)");
});

test("an evaluator is not offered a project list to import", async ({ page }) => {
  await signInToEvaluation(page, DEMO_EVALUATION_NAME, "evaluator@demo.example", PASSWORD);
  await page.getByRole("link", { name: "Importaciones" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importaciones desde KoboToolbox y ODK" })).toBeVisible();
  // Even sent to the wizard's project-list address, the evaluator gets the kinds they may import.
  await page.goto(`${new URL(page.url()).pathname}?kind=PROJECTS`);
  const kind = page.getByLabel("Qué contiene el archivo");
  await expect(kind).toHaveValue("RESPONDENTS");
  await expect(kind.locator("option")).toHaveText(["Personas entrevistadas", "Entrevistas", "Historias de cambio"]);
});

test("a lead pastes two projects copied from a spreadsheet; a third that repeats an acronym is named at its row", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const pasted = await newEvaluationLedByDemoLead("Evaluación de prueba: cartera pegada");
  await signInAt(page, `/evaluations/${pasted.id}/imports?kind=PROJECTS`, "lead@demo.example", PASSWORD);
  await expectInteractive(page.getByRole("button", { name: "Leer las columnas" }));
  // What a spreadsheet puts on the clipboard: tab-separated cells, one row per line.
  const rows = [
    ["Acronym", "Name", "Managing office", "Funding streams"],
    ["Campo Justo", "Proyecto de trabajo justo en el campo", "OCFT", "USMCA"],
    ["Voz Obrera", "Proyecto de voz de las personas trabajadoras", "OTLA", "USMCA, non-USMCA"],
    ["CAMPO justo", "Otro proyecto con las mismas siglas", "OTLA", "USMCA"],
  ];
  await page
    .getByLabel("O pegue las filas, con la fila de encabezados primero")
    .fill(rows.map((cells) => cells.join("\t")).join("\n"));
  await page.getByRole("button", { name: "Leer las columnas" }).click();
  const mapping = page.getByRole("group", { name: "2. Relaciona las columnas" });
  await expect(mapping.getByRole("combobox", { name: "Acronym" })).toHaveValue("acronym");
  await mapping.getByRole("button", { name: "Probar todas las filas (sin importar)" }).click();
  const result = page.getByRole("group", { name: "3. Compruebe e importe" });
  await expect(result.getByRole("status")).toHaveText("3 filas: 2 nuevas, 0 ya importadas, 1 con errores.");
  // The fourth line of the pasted sheet (the header is line 1).
  await expect(page.getByRole("table", { name: "Errores por fila y columna" }).getByRole("row").nth(1)).toContainText(
    "4",
  );
  await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "project import, pasted rows (es)");
});
