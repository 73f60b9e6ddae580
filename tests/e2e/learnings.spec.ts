import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signIn, signInAt } from "./support/sign-in";
import { DEMO_EVALUATION_NAME } from "@/prisma/seed/setup-rows";
import { appDatabase, newEvaluationLedByDemoLead } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
let evaluation: { id: string; name: string };

test.beforeAll(async () => {
  evaluation = await newEvaluationLedByDemoLead("Evaluación de prueba: lo aprendido");
});

const lessonsSection = (page: Page) => page.getByRole("region", { name: "Lecciones aprendidas" });

async function addLesson(page: Page, number: number, es: string, en?: string) {
  const form = page.getByRole("form", { name: "Agregar: Lecciones aprendidas" });
  await form.getByLabel("Texto (español)").fill(es);
  if (en) await form.getByLabel("Texto (inglés)").fill(en);
  await form.getByRole("button", { name: "Agregar a «Lecciones aprendidas»" }).click();
  await expect(lessonsSection(page).getByRole("status")).toHaveText(`Se agregó: Lección ${number}.`);
}

test("a lead writes lessons and recommendations in two languages, reorders them by keyboard; a reviewer reads; a panelist cannot", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const path = `/evaluations/${evaluation.id}/learnings`;
  await signInAt(page, path, "lead@demo.example", PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: `${evaluation.name}: Lo aprendido` })).toBeVisible();
  await expectInteractive(page.getByRole("button", { name: "Agregar a «Lecciones aprendidas»" }));

  // An empty lesson is refused at its field, in Spanish, and focus goes there.
  await page.getByRole("button", { name: "Agregar a «Lecciones aprendidas»" }).click();
  const lessonForm = page.getByRole("form", { name: "Agregar: Lecciones aprendidas" });
  await expect(lessonForm.getByLabel("Texto (español)")).toBeFocused();
  await expect(lessonForm.getByText("Escriba el texto en este idioma", { exact: false }).first()).toBeVisible();

  await addLesson(page, 1, "Escuchar en la lengua de quien cuenta.", "Listen in the storyteller's language.");
  await addLesson(page, 2, "Escribir los criterios antes de votar.", "Write the criteria before voting.");
  await addLesson(page, 3, "Devolver los resultados a quienes contaron.");
  const lessons = lessonsSection(page);
  await expect(lessons.getByRole("listitem").getByRole("heading", { level: 3 })).toHaveText([
    "Lección 1",
    "Lección 2",
    "Lección 3",
  ]);
  // The third has no English yet: the page says so.
  await expect(lessons.getByRole("listitem").nth(2).getByText("Aún sin traducir al inglés.")).toBeVisible();
  await expect(lessons.getByRole("listitem").first().getByText("Traducido por Mariana Quiroga Salas")).toBeVisible();

  // Keyboard only: the third lesson moves up; focus stays on its button, the move is announced.
  await page.getByRole("button", { name: "Subir Lección 3" }).focus();
  await page.keyboard.press("Enter");
  await expect(lessons.getByRole("status")).toHaveText("Lección 3 pasó al lugar 2 de 3.");
  await expect(lessons.getByRole("listitem").nth(1)).toContainText("Devolver los resultados a quienes contaron.");
  await expect(page.getByRole("button", { name: "Subir Lección 2" })).toBeFocused();

  // Recommendations: numbered straight through by audience, partners first.
  const recommendation = page.getByRole("form", { name: "Agregar: Recomendaciones" });
  for (const [audience, text] of [
    ["El financiador", "Financiar el seguimiento."],
    ["Socios implementadores", "Medir la línea de base."],
  ] as const) {
    await recommendation.getByLabel("Destinatario").selectOption({ label: audience });
    await recommendation.getByLabel("Texto (español)").fill(text);
    await recommendation.getByRole("button", { name: "Agregar a «Recomendaciones»" }).click();
    await expect(page.getByRole("region", { name: "Recomendaciones" }).getByRole("status")).toHaveText(
      `Se agregó: una recomendación (${audience}).`,
    );
  }
  const recommendations = page.getByRole("region", { name: "Recomendaciones" }).getByRole("listitem");
  await expect(recommendations.first()).toContainText("Socios implementadores");
  await expect(recommendations.first()).toContainText("Medir la línea de base.");
  await expect(recommendations.nth(1)).toContainText("Recomendación 2");
  await expect(recommendations.nth(1)).toContainText("Financiar el seguimiento.");
  await expectNoAxeViolations(page, "learnings (lead, es)");

  // Edited from another tab after this page loaded: this page's edit is refused, not saved over it.
  const first = await appDatabase().learning.findFirstOrThrow({
    where: { evaluationId: evaluation.id, kind: "LESSON", position: 1 },
  });
  await appDatabase().learning.update({ where: { id: first.id }, data: { version: { increment: 1 } } });
  await page.getByRole("button", { name: "Editar Lección 1" }).click();
  const edit = page.getByRole("form", { name: "Editar: Lección 1" });
  await edit.getByLabel("Texto (español)").fill("Escuchar siempre en la lengua de quien cuenta.");
  await edit.getByRole("button", { name: "Guardar" }).click();
  await expect(
    edit.getByText("Otra persona guardó este texto después de que usted lo abrió.", { exact: false }),
  ).toBeVisible();

  // A reviewer reads the demo's texts, in English, with nothing to change.
  const demo = await appDatabase().evaluation.findFirstOrThrow({
    where: { name: DEMO_EVALUATION_NAME },
    select: { id: true },
  });
  const english = await browser.newContext({ locale: "en-US" });
  const reviewer = await english.newPage();
  await signInAt(reviewer, `/evaluations/${demo.id}/learnings`, "reviewer@demo.example", PASSWORD, "en");
  await expect(reviewer.getByRole("heading", { level: 2, name: "Lessons learned" })).toBeVisible();
  await expect(
    reviewer.getByText("Change stories are richer when collected in the storyteller's own language."),
  ).toBeVisible();
  await expect(reviewer.getByRole("button", { name: /Edit|Delete|Add/ })).toHaveCount(0);
  await expectNoAxeViolations(reviewer, "learnings (reviewer, en)");
  await english.close();

  // A panelist of the demo gets the not-found page.
  const other = await browser.newContext({ locale: "es-MX" });
  const panelist = await other.newPage();
  await panelist.goto(`/sign-in?callbackUrl=${encodeURIComponent(`/evaluations/${demo.id}/learnings`)}`);
  await signIn(panelist, "panelist@demo.example", PASSWORD);
  await expect(panelist.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  await other.close();
});
