// A lead downloads the respondents list as it stands (filtered) as XLSX, and the file has exactly
// the rows the page lists; the list page with its download control passes axe. The stories'
// workbook comes as a zip of CSV files, one per sheet, joined by the story code. The interviews
// list offers the REFI-QDA project, which downloads as a zip with project.qde and its sources.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import unzipper from "unzipper";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInToList } from "./support/sign-in";
import { copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });

let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: descargas");
});

test("a lead downloads the filtered respondents list as XLSX, and the file has the page's rows", async ({ page }) => {
  await signInToList(page, "lead@demo.example", "msc-demo-2026", "es");
  await page.goto(`/evaluations/${evaluation.id}/respondents?type=UNION_MEMBER&size=100`);
  const table = page.getByRole("table", { name: "Personas entrevistadas" });
  await expect(table).toBeVisible();
  const shown = await table.locator("tbody tr td:first-child").allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);

  const control = page.getByRole("form", { name: "Descargar esta lista" });
  await expect(control.getByLabel("Detalle")).toHaveValue("limited");
  // A lead may take identities; the choice is offered, never preselected.
  await expect(control.getByLabel("Detalle").locator("option")).toHaveCount(3);
  await expectNoAxeViolations(page, "respondents list with its download control (es)");

  const downloading = page.waitForEvent("download");
  await control.getByRole("button", { name: "Descargar XLSX" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^respondents-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(["Código", "Tipo", "Género"]);
  expect(headers).not.toContain("Nombre");
  const codes: string[] = [];
  const types = new Set<unknown>();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    codes.push(String(row.getCell(1).value));
    types.add(row.getCell(2).value);
  });
  expect(codes.map((code) => code.trim()).sort()).toEqual(shown.map((code) => code.trim().split(/\s/)[0]!).sort());
  expect([...types]).toEqual(["Persona sindicalizada"]);
});

test("a lead downloads the REFI-QDA project from the interviews list, a zip with project.qde and its sources", async ({
  page,
}) => {
  await signInToList(page, "lead@demo.example", "msc-demo-2026", "es");
  await page.goto(`/evaluations/${evaluation.id}/interviews`);
  const section = page.getByRole("region", { name: "Proyecto para análisis cualitativo" });
  await expect(section).toBeVisible();
  await expectNoAxeViolations(page, "interviews list with its REFI-QDA download (es)");

  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "Descargar proyecto REFI-QDA (.qdpx)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^project-\d{4}-\d{2}-\d{2}\.qdpx$/);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  expect(Object.keys(zip.files)).toContain("project.qde");
  expect(Object.keys(zip.files).some((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name))).toBe(true);
  const qde = await zip.file("project.qde")!.async("string");
  expect(qde.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
});

test("a lead downloads the stories workbook as CSV files in a zip, one per sheet with a README", async ({ page }) => {
  await signInToList(page, "lead@demo.example", "msc-demo-2026", "es");
  await page.goto(`/evaluations/${evaluation.id}/stories`);
  const control = page.getByRole("form", { name: "Descargar esta lista" });
  await expect(control.getByRole("button", { name: "Descargar archivos CSV (zip)" })).toBeVisible();
  await expectNoAxeViolations(page, "stories list with its workbook download (es)");

  const downloading = page.waitForEvent("download");
  await control.getByRole("button", { name: "Descargar archivos CSV (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^stories-\d{4}-\d{2}-\d{2}\.zip$/);
  const directory = await unzipper.Open.file((await download.path())!);
  expect(directory.files.map((file) => file.path)).toEqual([
    "stories.csv",
    "figures.csv",
    "contributions.csv",
    "storytellers.csv",
    "sources.csv",
    "domain-assignments.csv",
    "translations.csv",
    "README.csv",
  ]);
  const stories = parse(await directory.files[0]!.buffer(), { bom: true, columns: true }) as Record<string, string>[];
  const figures = parse(await directory.files[1]!.buffer(), { bom: true, columns: true }) as Record<string, string>[];
  expect(stories.length).toBeGreaterThan(0);
  const codes = new Set(stories.map((row) => row["Código"]));
  for (const figure of figures) expect(codes.has(figure["Código de la historia"])).toBe(true);
});
