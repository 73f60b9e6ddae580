// The counts below are the demo's: this spec reads a copy of the demo of its own, to which the
// specs that add stories, respondents and interviews never write, whatever order they run in.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInToEvaluation } from "./support/sign-in";
import { copyOfDemo } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const WORKER_ADVOCACY = "Defensa de los derechos laborales por las personas trabajadoras";
let evaluationName: string;

test.beforeAll(async () => {
  evaluationName = (await copyOfDemo("Evaluación de prueba: tablas")).name;
});

/** Signs the lead in and returns the path of this spec's copy of the demo. */
const openAsLead = (page: Page) => signInToEvaluation(page, evaluationName, "lead@demo.example", PASSWORD);

function storyRows(page: Page) {
  return page.getByRole("table", { name: "Historias de cambio" }).locator("tbody tr");
}

async function codesShown(page: Page): Promise<string[]> {
  return storyRows(page).locator("td:first-child").allInnerTexts();
}

test("a lead filters, sorts and pages the stories table, and the URL keeps the view across reloads and history", async ({
  page,
}) => {
  await openAsLead(page);
  await page
    .getByRole("navigation", { name: "Secciones de la evaluación" })
    .getByRole("link", { name: "Historias de cambio" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Historias de cambio" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "historias" })).toHaveText(
    /^17 historias\. Ordenado por Actualizada, descendente\. Página 1 de 1\.$/,
  );
  await expect(storyRows(page)).toHaveCount(17);
  await expectNoAxeViolations(page, "stories table (es)");

  // Filter by primary domain.
  await page.getByLabel("Dominio (principal)").selectOption({ label: WORKER_ADVOCACY });
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/domain=/);
  // Five stories on their way and six approved outcomes (CS-0009 to CS-0014).
  await expect(storyRows(page)).toHaveCount(11);
  await expect(page.getByRole("status").filter({ hasText: "historias" })).toContainText("11 historias.");
  await expect(storyRows(page).locator("td").filter({ hasText: WORKER_ADVOCACY })).toHaveCount(11);

  // Sort by title, both ways, with aria-sort on the header.
  const titleHeader = page.getByRole("columnheader", { name: "Título" });
  await titleHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(titleHeader).toHaveAttribute("aria-sort", "ascending");
  const ascending = await codesShown(page);
  await titleHeader.getByRole("button").click();
  await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => codesShown(page)).toEqual([...ascending].reverse());
  await expect(page.getByRole("columnheader", { name: "Actualizada" })).not.toHaveAttribute("aria-sort", /.+/);

  // The same view after a reload.
  await page.reload();
  await expect(page.getByLabel("Dominio (principal)")).toHaveValue(/.+/);
  await expect(page.getByRole("columnheader", { name: "Título" })).toHaveAttribute("aria-sort", "descending");
  expect(await codesShown(page)).toEqual([...ascending].reverse());

  // Ten rows per page and every domain: the sort is kept, and there are two pages.
  await page.getByLabel("Dominio (principal)").selectOption({ label: "Cualquiera" });
  await page.getByLabel("Filas por página").selectOption("10");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/size=10/);
  await expect(page).toHaveURL(/sort=-title/);
  await expect(storyRows(page)).toHaveCount(10);
  const firstPage = await codesShown(page);
  const pages = page.getByRole("navigation", { name: "Páginas de la tabla" });
  await pages.getByRole("link", { name: "Página siguiente" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(storyRows(page)).toHaveCount(7);
  await expect(pages.locator('[aria-current="page"]')).toContainText("Página 2");
  const secondPage = await codesShown(page);
  expect(secondPage.some((code) => firstPage.includes(code))).toBe(false);

  await page.reload();
  await expect(storyRows(page)).toHaveCount(7);
  expect(await codesShown(page)).toEqual(secondPage);
  await expect(page.getByRole("status").filter({ hasText: "historias" })).toContainText("Página 2 de 2.");

  // Back and forward move through the views.
  await page.goBack();
  await expect(storyRows(page)).toHaveCount(10);
  expect(await codesShown(page)).toEqual(firstPage);
  await page.goForward();
  await expect(storyRows(page)).toHaveCount(7);
  await expectNoAxeViolations(page, "stories table, page 2 (es)");
});

test("searching «niños» highlights the matching passages, in the table and on the search page", async ({ page }) => {
  const evaluation = await openAsLead(page);
  await page.goto(`${evaluation}/stories`);
  await page.getByLabel("Buscar en los textos de las historias").fill("ninos");
  await page.getByLabel("Buscar en los textos de las historias").press("Enter");
  await expect(page).toHaveURL(/q=ninos/);
  await expect(page.getByRole("columnheader", { name: "Pasaje que coincide" })).toBeVisible();
  await expect(storyRows(page).first().locator("mark").first()).toHaveText(/niñ[oa]s/i);
  await expect(page.getByRole("status").filter({ hasText: "historia" })).toContainText("Las más pertinentes primero.");
  await expectNoAxeViolations(page, "stories search (es)");

  await page.goto(`${evaluation}/search?q=${encodeURIComponent("niños")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Buscar en historias y transcripciones" })).toBeVisible();
  const stories = page.getByRole("region", { name: "Historias de cambio" });
  const interviews = page.getByRole("region", { name: "Entrevistas" });
  await expect(stories.locator("mark").first()).toHaveText(/niñ[oa]s/i);
  await expect(interviews.locator("mark").first()).toHaveText(/niñ[oa]s/i);
  const storyLink = stories.getByRole("link").first();
  await expect(storyLink).toHaveAttribute("href", new RegExp(`^${evaluation}/stories/`));
  await expect(interviews.getByRole("link").first()).toHaveAttribute("href", new RegExp(`^${evaluation}/interviews/`));
  await expectNoAxeViolations(page, "search page (es)");
  // No script ever runs from stored text.
  let dialogs = 0;
  page.on("dialog", () => (dialogs += 1));
  await page.goto(`${evaluation}/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  await expect(page.getByRole("status")).toContainText("<script>alert(1)</script>");
  expect(dialogs).toBe(0);
});

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, backwards = false) {
  for (let presses = 0; presses < 120; presses += 1) {
    if (await target.evaluate((node) => node === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error("could not reach the element with the Tab key");
}

test("the stories table works with the keyboard alone", async ({ page }) => {
  const evaluation = await openAsLead(page);
  await page.goto(`${evaluation}/stories`);
  const codeHeader = page.getByRole("columnheader", { name: "Código" });
  const sortByCode = codeHeader.getByRole("button");
  await tabTo(page, sortByCode);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=code/);
  await expect(codeHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(sortByCode).toBeFocused();
  await page.keyboard.press("Space");
  await expect(codeHeader).toHaveAttribute("aria-sort", "descending");
  expect((await codesShown(page))[0]).toBe("CS-0017");

  // Choose columns: open the disclosure with Enter, hide a column with Space.
  const summary = page.getByText("Columnas", { exact: true });
  await tabTo(page, summary, true);
  await page.keyboard.press("Enter");
  const stage = page.getByRole("checkbox", { name: "Etapa" });
  await tabTo(page, stage);
  await page.keyboard.press("Space");
  await expect(page.getByRole("columnheader", { name: "Etapa" })).toHaveCount(0);
  await expect(page).toHaveURL(/cols=/);
  await expect(page.getByRole("checkbox", { name: "Código" })).toBeDisabled();

  // Change the page size and apply: the column choice and the sort stay.
  const size = page.getByLabel("Filas por página");
  await tabTo(page, size, true);
  await page.keyboard.press("ArrowUp");
  await tabTo(page, page.getByRole("button", { name: "Aplicar filtros" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/size=10/);
  await expect(page).toHaveURL(/sort=-code/);
  await expect(page.getByRole("columnheader", { name: "Etapa" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Aplicar filtros" })).toBeFocused();

  // Into the table and to a story's link.
  await tabTo(page, page.getByRole("link", { name: "CS-0017" }));
  await expect(page.getByRole("link", { name: "CS-0017" })).toHaveAttribute("href", /\/stories\//);
});

test("in English, and for a reviewer who may not read stories", async ({ page }) => {
  const evaluation = await openAsLead(page);
  await page.goto(`${evaluation}/respondents`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Respondents" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Respondents" }).getByRole("columnheader", { name: "Code" }),
  ).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByText("Excluded", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "respondents table (en)");
  await page.goto(`${evaluation}/interviews?mode=PHONE`);
  await expect(page.getByRole("status").filter({ hasText: "interview" })).toContainText(/^1 interview\./);
  await expectNoAxeViolations(page, "interviews table (en)");
  await page.goto(`${evaluation}/focus-groups`);
  await expect(page.getByRole("table", { name: "Focus groups" })).toBeVisible();
  await expectNoAxeViolations(page, "focus-groups table (en)");
  await page.goto(`${evaluation}/stories?domain=${encodeURIComponent('{"contains":""}')}`);
  await expect(page.getByRole("alert").filter({ hasText: "cannot be shown" })).toContainText(
    "The address contains a filter we cannot use: Domain (primary).",
  );
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signInToEvaluation(page, evaluationName, "reviewer@demo.example", PASSWORD, "en");
  const response = await page.goto(`${evaluation}/stories`);
  expect(response?.status()).toBe(404);
  expect((await page.goto(`${evaluation}/respondents`))?.status()).toBe(404);
  expect((await page.goto(`${evaluation}/search?q=ninos`))?.status()).toBe(404);
});

test("without JavaScript, the filters, sort buttons and pages still work", async ({ page, browser }) => {
  const evaluation = await openAsLead(page);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "es-MX",
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  await noScript.goto(`${evaluation}/stories`);
  await noScript.getByRole("combobox", { name: "Etapa" }).selectOption({ label: "Admitida" });
  await noScript.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(noScript).toHaveURL(/stage=SCREENED/);
  const rows = noScript.getByRole("table", { name: "Historias de cambio" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await expect(rows.locator("td").filter({ hasText: /^Admitida$/ })).toHaveCount(count);
  await noScript.getByRole("columnheader", { name: "Código" }).getByRole("button").click();
  await expect(noScript).toHaveURL(/sortBy=code/);
  await expect(noScript.getByRole("columnheader", { name: "Código" })).toHaveAttribute("aria-sort", "ascending");
  await expect(noScript).toHaveURL(/stage=SCREENED/);
  await context.close();
});
