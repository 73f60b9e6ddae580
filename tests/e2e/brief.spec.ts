import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signIn, signInToEvaluation } from "./support/sign-in";
import { appDatabase, copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

/**
 * The demo's approved outcomes (prisma/seed/approved-data.ts): CS-0009 to CS-0014 retell the
 * fixture's six sample outcomes of domain 1, CS-0015 to CS-0017 its three of domain 2, each with
 * every text translated and approved by the demo reviewer.
 */
test.beforeAll(async () => {
  evaluation = await copyOfDemo("Evaluación de prueba: informe");
});

test("a lead reads the brief in Spanish and English and downloads it in Word", async ({ page }) => {
  await signInToEvaluation(page, evaluation.name, "lead@demo.example", PASSWORD);
  await page
    .getByRole("navigation", { name: "Secciones de la evaluación" })
    .getByRole("link", { name: "Informe de aprendizaje" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: `${evaluation.name}: Informe de aprendizaje` }),
  ).toBeVisible();

  const brief = page.locator("article[lang=es]");
  await expect(brief.getByRole("heading", { level: 2, name: "Resultados clave", exact: true })).toBeVisible();
  const domain1 = brief.getByRole("region", { name: /^Dominio 1: / });
  await expect(domain1.getByRole("listitem")).toHaveCount(6);
  await expect(domain1).toContainText("en Oaxaca y Veracruz");
  await expect(domain1).toContainText("comunidades: 24");
  await expect(domain1).toContainText("personas trabajadoras elegibles representadas: más de 10");
  await expect(brief.getByRole("region", { name: /^Dominio 2: / }).getByRole("listitem")).toHaveCount(3);
  await expect(brief).not.toContainText("sin traducir");
  await expect(brief.getByRole("table").first()).toBeVisible();
  await expectNoAxeViolations(page, "brief, lead (es)");

  // The brief's language is chosen apart from the interface's.
  await expectInteractive(page.getByRole("button", { name: "Mostrar" }));
  await page.getByLabel("Idioma del informe").selectOption("en");
  await page.getByRole("button", { name: "Mostrar" }).click();
  await expect(page).toHaveURL(/lang=en/);
  const english = page.locator("article[lang=en]");
  await expect(english.getByRole("heading", { level: 3, name: "Key results by domain" })).toBeVisible();
  await expect(english.getByRole("region", { name: /^Domain 1: / })).toContainText("communities: 24");
  await expect(english.getByRole("region", { name: /^Domain 1: / })).toContainText(
    "eligible workers represented: over 10,000; months to outcome: from 1 to 9",
  );
  await expect(english.getByRole("region", { name: /^Domain 2: / })).toContainText("since 2023");
  await expect(english).not.toContainText("untranslated");
  await expectNoAxeViolations(page, "brief, lead (en)");

  // A draft copy says so.
  await page.getByLabel("Resultados incluidos").selectOption("selected");
  await page.getByRole("button", { name: "Mostrar" }).click();
  await expect(page.locator("article[lang=en]")).toContainText("Draft: includes outcomes not yet approved");

  await page.getByLabel("Resultados incluidos").selectOption("approved");
  await page.getByLabel("Idioma del informe").selectOption("es");
  await page.getByRole("button", { name: "Mostrar" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Word (.docx) en español" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("learning-brief-es.docx");
  const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync((await download.path())!) });
  expect(html).toContain("<h1>Resultados clave</h1>");
  expect(html).toMatch(/<h3>Dominio 1: [^<]+<\/h3><ul><li>[^<]*comunidades: 24/);
});

test("a reviewer reads the approved copy in English; a panelist gets not found", async ({ page, browser }) => {
  await signInToEvaluation(page, evaluation.name, "reviewer@demo.example", PASSWORD);
  // The interface stays in Spanish (the browser's language); the brief is asked for in English.
  await page.goto(`/evaluations/${evaluation.id}/brief?lang=en`);
  const english = page.locator("article[lang=en]");
  await expect(english.getByRole("heading", { level: 2, name: "Key results", exact: true })).toBeVisible();
  await expect(english.getByRole("region", { name: /^Domain 2: / }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByLabel("Resultados incluidos")).toHaveCount(0);
  await expectNoAxeViolations(page, "brief, reviewer (en)");
  const pdf = await page.request.get(`/api/evaluations/${evaluation.id}/brief?format=pdf&lang=en`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const draft = await page.request.get(`/api/evaluations/${evaluation.id}/brief?format=docx&lang=en&include=validated`);
  expect(draft.status()).toBe(404);

  const other = await browser.newContext({ locale: "es-MX" });
  const panelist = await other.newPage();
  await panelist.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/evaluations/${evaluation.id}/brief`)}`);
  await signIn(panelist, "panelist@demo.example", PASSWORD);
  await expect(panelist.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  expect((await panelist.request.get(`/api/evaluations/${evaluation.id}/brief?format=pdf&lang=es`)).status()).toBe(404);
  await other.close();
});

test("a reviewer finds the outcomes already decided, and reads one whole: its type, domain, sectors and projects", async ({
  page,
}) => {
  // The demo reviewer approved the nine outcomes of the demo's brief.
  await signInToEvaluation(page, evaluation.name, "reviewer@demo.example", PASSWORD);
  await page.getByRole("link", { name: "Revisión del financiador" }).click();
  const decided = page.getByRole("table", { name: /^Resultados decididos \(9\)/ });
  await expect(decided.getByRole("row")).toHaveCount(10);
  // The latest decision, and the stage the story stands at now.
  await expect(decided.getByRole("row").nth(1).getByRole("cell").nth(1)).toHaveText("Aprobada · versión 1");
  await expect(decided.getByRole("row").nth(1).getByRole("cell").nth(4)).toHaveText("Aprobada");
  await expectNoAxeViolations(page, "review queue with decided outcomes (es)");

  await decided.getByRole("link", { name: /^CS-0015 · / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^CS-0015 · / })).toBeVisible();
  const facts = page.locator("dl").first();
  await expect(facts).toContainText("Tipo de cambio");
  await expect(facts).toContainText("Cambio positivo");
  await expect(facts).toContainText(/Dominios de cambio\s*2\. /);
  await expect(
    page.getByText(
      "Esta historia ya no está en revisión del financiador. Última decisión: Aprobada, sobre la versión 1.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page, "an approved outcome, reviewer (es)");
});

test("a reviewer is told what approving does before it is done, and may step back", async ({ page }) => {
  const db = appDatabase();
  const story = await db.changeStory.findFirstOrThrow({
    where: { evaluationId: evaluation.id, code: "CS-0002" },
    select: { id: true },
  });
  await db.changeStory.update({ where: { id: story.id }, data: { stage: "IN_REVIEW" } });

  await signInToEvaluation(page, evaluation.name, "reviewer@demo.example", PASSWORD);
  await page.goto(`/evaluations/${evaluation.id}/reviews/${story.id}`);
  await expectInteractive(page.getByRole("button", { name: "Aprobar" }));
  await page.getByRole("button", { name: "Aprobar" }).click();
  const confirm = page.getByRole("button", { name: "Sí, aprobar este resultado" });
  await expect(confirm).toBeFocused();
  await expect(confirm).toHaveAccessibleDescription(/La aprobación es definitiva/);
  await expectNoAxeViolations(page, "review decision asking to confirm (es)");
  await page.getByRole("button", { name: "Todavía no" }).click();
  await expect(confirm).toHaveCount(0);
  expect((await db.changeStory.findUniqueOrThrow({ where: { id: story.id }, select: { stage: true } })).stage).toBe(
    "IN_REVIEW",
  );

  await page.getByRole("button", { name: "Aprobar" }).click();
  await page.getByRole("button", { name: "Sí, aprobar este resultado" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Última decisión" })).toHaveText(
    "Esta historia ya no está en revisión del financiador. Última decisión: Aprobada, sobre la versión 1.",
  );
  await expect
    .poll(
      async () => (await db.changeStory.findUniqueOrThrow({ where: { id: story.id }, select: { stage: true } })).stage,
    )
    .toBe("APPROVED");
});
