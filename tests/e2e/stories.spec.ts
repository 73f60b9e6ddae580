import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signInToEvaluation } from "./support/sign-in";
import { addFirstSource, addStoryteller, fillStoryEssentials } from "./support/story-form";
import { copyOfDemo } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
/** This spec's own copy of the demo: its next story is CS-0018 whatever other specs wrote. */
let evaluationName: string;

test.beforeAll(async () => {
  evaluationName = (await copyOfDemo("Evaluación de prueba: historias")).name;
});
/** A story's own page (not /stories/new). */
const STORY_URL = /\/stories\/(?!new$)[a-z0-9]+$/;

const fillRequired = (page: Page, title: string) =>
  fillStoryEssentials(page, {
    title,
    whatChanged: "En 2022 las trabajadoras de la planta votaron en secreto su contrato colectivo.",
    whySignificant: "«Por primera vez decidimos nosotras.»",
  });

/** Creates a minimal story with one storyteller and one source; returns its page path. */
async function createStory(page: Page, base: string, title: string, storyteller: string): Promise<string> {
  await page.goto(`${base}/stories/new`);
  await fillRequired(page, title);
  await addStoryteller(page, storyteller);
  await addFirstSource(page);
  await page.getByRole("button", { name: "Crear la historia" }).click();
  await expect(page).toHaveURL(STORY_URL);
  return new URL(page.url()).pathname;
}

test("an evaluator writes a story, is told why it cannot be submitted, fixes it, submits it and reads the differences, in both languages", async ({
  page,
}) => {
  // Seven axe passes and four saves: over a minute on a busy two-core machine (seen at load average 27).
  test.setTimeout(180_000);
  const base = await signInToEvaluation(page, evaluationName, "evaluator@demo.example", PASSWORD);

  await page.goto(`${base}/stories/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nueva historia de cambio" })).toBeVisible();
  // Saving an empty form lists every problem and links each to its field.
  await page.getByRole("button", { name: "Crear la historia" }).click();
  const summary = page.getByRole("alert", { name: "Hay 4 problemas en la historia" });
  await expect(summary).toContainText("Hay 4 problemas en la historia");
  await expect(summary.getByRole("link", { name: /Título: Complete este campo/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Título (obligatorio)" })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "new story with errors (es)");

  await fillRequired(page, "Las trabajadoras votaron en secreto <script>alert(1)</script>");
  await page.getByLabel("Desde").fill("2022");
  await page.getByLabel("Hasta", { exact: true }).fill("2023");
  // A figure, added and filled with the keyboard alone.
  await page.getByRole("button", { name: "Añadir una cifra" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Qué se cuenta", { exact: true })).toBeFocused();
  await page.keyboard.type("plantas con contrato legitimado");
  await page.getByLabel("Valor", { exact: true }).fill("5");
  await addStoryteller(page, "R-0012 (retiró su consentimiento)");
  await addFirstSource(page);
  await expectNoAxeViolations(page, "new story filled (es)");
  await page.getByRole("button", { name: "Crear la historia" }).click();

  await expect(page).toHaveURL(STORY_URL);
  const storyPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CS-0018");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>alert(1)</script>");
  const path = page.getByRole("region", { name: "El recorrido de la historia" });
  await expect(path).toContainText("Borrador");
  await expect(path).toContainText("Todavía no es posible:");
  await expect(path).toContainText("R-0012 retiró su consentimiento.");
  await expect(path.getByRole("button", { name: "Enviar la historia" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Personas que cuentan la historia y fuentes" })).toContainText(
    "R-0012",
  );
  await expectNoAxeViolations(page, "story page (es)");

  // Replace the storyteller with one who consented, and reword the change.
  await page.getByRole("link", { name: "Editar esta historia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Editar CS-0018" })).toBeVisible();
  await page.getByRole("button", { name: "Quitar R-0012 (retiró su consentimiento)" }).click();
  await addStoryteller(page, "R-0008");
  await page
    .getByRole("textbox", { name: "Qué cambió (obligatorio)" })
    .fill("En 2022 las trabajadoras de dos plantas votaron en secreto y por primera vez su contrato colectivo.");
  await page.getByLabel("Nota sobre esta versión").fill("Cambié a la persona que cuenta la historia.");
  await expectNoAxeViolations(page, "edit story (es)");
  await page.getByRole("button", { name: "Guardar la historia" }).click();
  await expect(page).toHaveURL(new RegExp(`${storyPath}$`));

  await path.getByRole("button", { name: "Enviar la historia" }).click();
  await expect(path.getByRole("status")).toHaveText("La historia ahora está en: Enviada.");
  await expect(page.getByText("Borrador → Enviada, por Daniel Esquivel Mora")).toBeVisible();

  await page.getByRole("link", { name: "Versiones y diferencias" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Cambios de la versión 1 a la versión 2" })).toBeVisible();
  const diff = page.getByRole("region", { name: "Cambios de la versión 1 a la versión 2" });
  await expect(diff.locator("ins").filter({ hasText: "por primera vez" })).toBeVisible();
  await expect(diff.locator("ins").filter({ hasText: "R-0008" })).toBeVisible();
  await expect(diff.locator("del").filter({ hasText: "R-0012" })).toBeVisible();
  await expect(page.getByRole("table", { name: /2 versiones/ })).toContainText(
    "Cambié a la persona que cuenta la historia.",
  );
  await expectNoAxeViolations(page, "revisions (es)");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Changes from version 1 to version 2" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Changes from version 1 to version 2" })
      .getByRole("heading", { name: "Storytellers" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "revisions (en)");
  await page.getByRole("link", { name: "Back to CS-0018" }).click();
  await expect(page.getByRole("region", { name: "The story’s path" })).toContainText("Submitted");
  await expect(
    page.getByRole("region", { name: "The story’s path" }).getByRole("button", { name: "Mark as screened" }),
  ).toHaveCount(0);
  await expect(page.getByRole("region", { name: "The story’s path" })).toContainText("Assign a primary domain first.");
  await expectNoAxeViolations(page, "story page (en)");
});

async function contextFor(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  const base = await signInToEvaluation(page, evaluationName, email, PASSWORD);
  return { context, page, base };
}

test("two people edit the same story: the second save shows both versions and merges field by field", async ({
  browser,
}) => {
  const evaluator = await contextFor(browser, "evaluator@demo.example");
  const lead = await contextFor(browser, "lead@demo.example");
  try {
    const storyPath = await createStory(evaluator.page, evaluator.base, "Historia para editar a la vez", "R-0001");
    await evaluator.page.goto(`${storyPath}/edit`);
    await lead.page.goto(`${storyPath}/edit`);
    for (const { page } of [evaluator, lead])
      await expectInteractive(page.getByRole("button", { name: "Guardar la historia" }));

    await evaluator.page.getByRole("textbox", { name: "Título (obligatorio)" }).fill("Título de la evaluadora");
    await evaluator.page.getByRole("button", { name: "Guardar la historia" }).click();
    await expect(evaluator.page).toHaveURL(new RegExp(`${storyPath}$`));

    await lead.page
      .getByRole("textbox", { name: "Por qué es significativo (obligatorio)" })
      .fill("Cambio de la líder: la plantilla decide.");
    await lead.page.getByRole("button", { name: "Guardar la historia" }).click();
    const merge = lead.page.getByRole("region", {
      name: "Otra persona guardó esta historia mientras usted la editaba",
    });
    await expect(merge).toBeVisible();
    const title = merge.getByRole("group", { name: "Título" });
    await expect(title).toContainText("Título de la evaluadora");
    await expect(title.getByRole("radio", { name: /Conservar la versión guardada \(2\)/ })).toBeChecked();
    const why = merge.getByRole("group", { name: "Por qué es significativo" });
    await expect(why.getByRole("radio", { name: /Conservar su versión sin guardar/ })).toBeChecked();
    await expectNoAxeViolations(lead.page, "merge screen (es)");

    await merge.getByRole("button", { name: "Guardar la historia combinada sobre la versión 2" }).click();
    await expect(lead.page).toHaveURL(new RegExp(`${storyPath}$`));
    await expect(lead.page.getByRole("heading", { level: 1 })).toContainText("Título de la evaluadora");
    await expect(lead.page.getByRole("region", { name: "El cambio" })).toContainText(
      "Cambio de la líder: la plantilla decide.",
    );
    await expect(lead.page.getByText(/^3, guardada el/)).toBeVisible();
  } finally {
    await evaluator.context.close();
    await lead.context.close();
  }
});

// Panelists reading but not editing is covered in tests/integration/stories-access.test.ts.
test("a reviewer (funder staff) gets a plain 404 for a story, which reveals nothing of it", async ({ browser }) => {
  const evaluator = await contextFor(browser, "evaluator@demo.example");
  const storyPath = await createStory(evaluator.page, evaluator.base, "Historia que el financiador no ve", "R-0001");
  await evaluator.context.close();

  const reviewer = await contextFor(browser, "reviewer@demo.example");
  try {
    for (const path of [storyPath, `${storyPath}/edit`, `${storyPath}/revisions`]) {
      const response = await reviewer.page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(reviewer.page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
      await expect(reviewer.page.getByText("Historia que el financiador no ve")).toHaveCount(0);
    }
    expect(await reviewer.page.content()).not.toContain("CS-00");
  } finally {
    await reviewer.context.close();
  }
});
