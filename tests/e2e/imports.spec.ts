import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInToEvaluation } from "./support/sign-in";
import { copyOfDemo } from "./support/world";
import { tabTo } from "./support/keyboard";

// Fieldwork is exported from KoboToolbox in Spanish; the evaluator works in Spanish.
test.use({ locale: "es-MX" });

/**
 * This spec's own copy of the demo: the respondent codes it counts on and the column mapping it
 * remembers are its evaluation's alone, whatever other specs write at the same time.
 */
let evaluationName: string;

test.beforeAll(async () => {
  // Not "importaciones": the section's link is looked up by that name.
  evaluationName = (await copyOfDemo("Evaluación de prueba: Kobo")).name;
});
const STAMP = Date.now().toString(36);
const NAMES = [`Persona Importada Uno ${STAMP}`, `Persona Importada Dos ${STAMP}`, `Persona Importada Tres ${STAMP}`];

/**
 * A KoboToolbox export of respondents with Spanish XML names; one column ("grp/genero_persona")
 * no name rule recognises.
 */
function respondentsCsv(thirdState: string): { name: string; mimeType: string; buffer: Buffer } {
  const rows = [
    ["grp/tipo", "grp/genero_persona", "grp/estado", "grp/idioma", "datos/nombre", "_uuid"],
    ["union_member", "Mujer", "Oaxaca", "es", NAMES[0]!, `e2e-${STAMP}-1`],
    ["unaffiliated_worker", "Hombre", "Oaxaca", "es", NAMES[1]!, `e2e-${STAMP}-2`],
    ["union_member", "Mujer", thirdState, "es", NAMES[2]!, `e2e-${STAMP}-3`],
  ];
  const text = rows.map((cells) => cells.join(",")).join("\r\n");
  return { name: "personas-kobo.csv", mimeType: "text/csv", buffer: Buffer.from(`${text}\r\n`, "utf8") };
}

/** The highest respondent code number in the evaluation, read from its table sorted by code. */
async function highestCode(page: Page, evaluationPath: string): Promise<number> {
  await page.goto(`${evaluationPath}/respondents?sort=-code`);
  const first = await page.getByRole("table").getByRole("row").nth(1).innerText();
  return Number(/R-(\d+)/.exec(first)![1]);
}

/** Signs the evaluator in and opens this spec's evaluation; returns its path. */
const openOwnEvaluation = (page: Page) =>
  signInToEvaluation(page, evaluationName, "evaluator@demo.example", "msc-demo-2026");

const code = (n: number) => `R-${String(n).padStart(4, "0")}`;

test("an evaluator imports respondents from a Spanish Kobo CSV: maps a column by keyboard, sees the bad row, fixes the file and commits", async ({
  page,
}) => {
  // Five axe passes and a commit on the embedded database of a busy 2-core machine.
  test.setTimeout(180_000);
  const evaluationPath = await openOwnEvaluation(page);
  const before = await highestCode(page, evaluationPath);

  await page.getByRole("link", { name: "Importaciones" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importaciones desde KoboToolbox y ODK" })).toBeVisible();
  await expectNoAxeViolations(page, "imports, upload step (es)");

  // 1. Upload: the kind and the file, then the keyboard from the file field on.
  await page.getByLabel("Qué contiene el archivo").selectOption({ label: "Personas entrevistadas" });
  const fileField = page.getByLabel("Archivo CSV o XLSX");
  await fileField.setInputFiles(respondentsCsv("Atlántida"));
  await fileField.focus();
  const analyze = page.getByRole("button", { name: "Leer las columnas" });
  await tabTo(page, analyze, 15);
  await page.keyboard.press("Enter");

  // 2. Map, keyboard only: the step's first line has the focus; the unrecognised column is mapped with the arrow keys.
  const mapping = page.getByRole("group", { name: "2. Relaciona las columnas" });
  await expect(mapping.getByText("Las columnas se relacionaron por su nombre")).toBeFocused();
  await expect(mapping.getByRole("combobox", { name: "grp/tipo" })).toHaveValue("type");
  await expect(mapping.getByRole("combobox", { name: "datos/nombre" })).toHaveValue("name");
  const unrecognised = mapping.getByRole("combobox", { name: "grp/genero_persona" });
  await expect(unrecognised).toHaveValue("");
  await expectNoAxeViolations(page, "imports, mapping step (es)");
  await tabTo(page, unrecognised, 15);
  await page.keyboard.press("ArrowDown"); // Tipo de persona entrevistada
  await page.keyboard.press("ArrowDown"); // Género
  await expect(unrecognised).toHaveValue("gender");
  await expect(mapping.getByRole("combobox", { name: "Columna que identifica cada envío" })).toHaveValue("_uuid");
  const dryRun = page.getByRole("button", { name: "Probar todas las filas (sin importar)" });
  await tabTo(page, dryRun, 15);
  await page.keyboard.press("Enter");

  // 3. The dry run names the bad row and column, in Spanish, and offers no import.
  await expect(page.getByRole("status").filter({ hasText: "3 filas" })).toHaveText(
    "3 filas: 2 nuevas, 0 ya importadas, 1 con errores.",
  );
  await expect(page.getByRole("status").filter({ hasText: "3 filas" })).toBeFocused();
  const errors = page.getByRole("table", { name: "Errores por fila y columna" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  // The third data row is line 4 of the sheet (the header is line 1).
  await expect(errors.getByRole("row").nth(1)).toHaveText(/4\s*grp\/estado\s*Elija un estado de México de la lista\./);
  await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "imports, dry run with an error (es)");

  // The corrected file: read again, the mapping chosen above comes back for this evaluation.
  await fileField.setInputFiles(respondentsCsv("Coahuila"));
  await analyze.click();
  await expect(mapping.getByText("Las columnas se relacionaron como en la última importación")).toBeFocused();
  await expect(unrecognised).toHaveValue("gender");
  await dryRun.click();
  await expect(page.getByRole("status").filter({ hasText: "3 filas" })).toHaveText(
    "3 filas: 3 nuevas, 0 ya importadas, 0 con errores.",
  );
  await expect(page.getByText("Sin errores.")).toBeVisible();
  await expectNoAxeViolations(page, "imports, clean dry run (es)");
  await page.getByRole("button", { name: "Importar 3 registros" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importado" })).toHaveText("Importado: 3 registros nuevos.", {
    timeout: 60_000,
  });
  const history = page.getByRole("table", {
    name: "Importaciones de esta evaluación, de la más reciente a la más antigua",
  });
  await expect(history.getByRole("row").nth(1)).toContainText("personas-kobo.csv");
  await expect(history.getByRole("row").nth(1)).toContainText("Importada");
  await expectNoAxeViolations(page, "imports, committed (es)");

  // The new respondents follow the evaluation's highest code; their names appear nowhere in the table.
  await page.goto(`${evaluationPath}/respondents?sort=-code`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(code(before + 3));
  await expect(rows.nth(1)).toContainText("Coahuila");
  await expect(rows.nth(2)).toContainText(code(before + 2));
  await expect(rows.nth(3)).toContainText(code(before + 1));
  await expect(rows.nth(3)).toContainText("Oaxaca");
  for (const name of NAMES) expect(await page.content()).not.toContain(name);
  await expectNoAxeViolations(page, "respondents after the import (es)");
});

/** A respondents export of about `megabytes` MB: a few rows whose notes column is long text. */
function largeRespondentsCsv(megabytes: number): { name: string; mimeType: string; buffer: Buffer } {
  const header = "grp/tipo,grp/genero_persona,grp/estado,grp/idioma,_uuid,notas\r\n";
  const note = "Notas de campo de la entrevista. ".repeat(12_000); // about 400,000 characters, under the cell limit
  const target = Math.round(megabytes * 1024 * 1024);
  const lines = [header];
  let size = Buffer.byteLength(header);
  for (let row = 1; size < target; row++) {
    const room = Math.max(0, Math.min(note.length, target - size - 80));
    const line = `union_member,Mujer,Oaxaca,es,e2e-large-${STAMP}-${row},"${note.slice(0, room)}"\r\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  const buffer = Buffer.from(lines.join(""), "utf8");
  expect(Math.abs(buffer.length - target)).toBeLessThan(1024);
  return { name: "personas-grande.csv", mimeType: "text/csv", buffer };
}

test("an import of 19.9 MB reaches the server whole; one of 20.1 MB is refused before sending, in Spanish", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openOwnEvaluation(page);
  await page.getByRole("link", { name: "Importaciones" }).click();
  await page.getByLabel("Qué contiene el archivo").selectOption({ label: "Personas entrevistadas" });
  const fileField = page.getByLabel("Archivo CSV o XLSX");
  const analyze = page.getByRole("button", { name: "Leer las columnas" });

  // Over the proxy's default 10 MB and under the import limit: the columns come back read.
  await fileField.setInputFiles(largeRespondentsCsv(19.9));
  await analyze.click();
  const mapping = page.getByRole("group", { name: "2. Relaciona las columnas" });
  await expect(mapping.getByRole("combobox", { name: "grp/tipo" })).toHaveValue("type", { timeout: 60_000 });

  await fileField.setInputFiles(largeRespondentsCsv(20.1));
  await analyze.click();
  await expect(
    page.getByText("El archivo pesa más de 20 MB. Divídalo en archivos más pequeños.").first(),
  ).toBeVisible();
});

/**
 * Stories with their figures as a CSV file of their own, as KoboToolbox exports a repeat group.
 * A dry run only (it creates nothing, so the demo's next story code stays what later tests expect):
 * a figure whose story is not in the file is named by its file and line.
 */
test("an evaluator checks stories with a figures file: a figure of no story is named by its file and line", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openOwnEvaluation(page);
  await page.getByRole("link", { name: "Importaciones" }).click();
  await page.getByLabel("Qué contiene el archivo").selectOption({ label: "Historias de cambio" });
  const stories = [
    ["titulo", "que_cambio", "por_que_significativo", "idioma", "tipo_de_cambio", "periodo", "_uuid"],
    [
      "Historia importada",
      "Cambió la forma de negociar.",
      "Porque la asamblea decidió.",
      "es",
      "positivo",
      "2023",
      `e2e-story-${STAMP}`,
    ],
  ];
  const figures = [
    ["_submission__uuid", "etiqueta", "valor", "calificador"],
    [`e2e-story-${STAMP}`, "empresas", '"600,000"', "más de"],
    ["otra-historia", "sindicatos", "4", ""],
  ];
  const csv = (rows: string[][]) => Buffer.from(`${rows.map((cells) => cells.join(",")).join("\r\n")}\r\n`, "utf8");
  await page
    .getByLabel("Archivo CSV o XLSX")
    .setInputFiles({ name: "historias.csv", mimeType: "text/csv", buffer: csv(stories) });
  await page
    .getByLabel("Grupos que se repiten, en archivos CSV (opcional)")
    .setInputFiles({ name: "figuras.csv", mimeType: "text/csv", buffer: csv(figures) });
  await expectNoAxeViolations(page, "imports, stories with a repeat-group file (es)");
  await page.getByRole("button", { name: "Leer las columnas" }).click();
  await page.getByRole("button", { name: "Probar todas las filas (sin importar)" }).click();

  await expect(page.getByRole("status").filter({ hasText: "1 fila" })).toHaveText(
    "1 fila: 1 nueva, 0 ya importadas, 1 con errores.",
  );
  const errors = page.getByRole("table", { name: "Errores por fila y columna" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toHaveText(
    /figuras · 3\s*_submission__uuid\s*Esta fila no pertenece a ninguna fila de la hoja principal/,
  );
  await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "imports, stories dry run with a repetition error (es)");
});
