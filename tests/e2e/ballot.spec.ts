import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { chooseLanguage } from "./support/language";
import { signIn, signInAt } from "./support/sign-in";
import { copyOfDemo, panelistOfOpenRound } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "ballot-landing-2026";

test("a panelist whose only pending work is a ballot lands on it and reads each story there, in Spanish and English", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const evaluation = await copyOfDemo("Evaluación de prueba: boleta");
  const panelist = await panelistOfOpenRound(evaluation.id, PASSWORD);

  // Straight from the sign-in form to the ballot: no list, no section, no round to look for.
  await page.goto("/sign-in");
  await signIn(page, panelist.email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/evaluations/${evaluation.id}/selection/rounds/${panelist.roundId}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Su voto" })).toBeVisible();

  // Each candidate's story is folded under its title until the panelist opens it.
  const story = page.locator("form details").filter({
    has: page.locator("summary", {
      hasText: "Qué cambió, por qué es significativo, lugares, periodo y cifras de CS-0001",
    }),
  });
  const summary = story.locator("summary");
  await expect(story.getByText(/24 comunidades productoras de caña/)).toBeHidden();
  await expectInteractive(summary);
  await summary.click();
  await expect(story.getByText(/24 comunidades productoras de caña/)).toBeVisible();
  await expect(story.getByText(/mis hijos ya no faltan a la escuela/)).toBeVisible();
  await expect(story.getByRole("term").filter({ hasText: "Lugares" })).toBeVisible();
  await expect(story.getByRole("term").filter({ hasText: "Cifras" })).toBeVisible();
  await expect(story.getByText("De 2022 a 2023")).toBeVisible();
  await expect(story.getByRole("listitem").filter({ hasText: "Veracruz" })).toBeVisible();
  await expectNoAxeViolations(page, "ballot with a story opened (panelist, es)");

  // In English the story reads in its recorded translation, like its title.
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { level: 2, name: "Your ballot" })).toBeVisible();
  // A fresh load: the story opened in Spanish is folded again.
  await page.reload();
  const english = page.locator("form details").filter({
    has: page.locator("summary", {
      hasText: "What changed, why it is significant, places, period and figures of CS-0001",
    }),
  });
  await english.locator("summary").click();
  await expect(english.getByText(/24 sugarcane-growing communities/)).toBeVisible();
  await expect(english.getByRole("term").filter({ hasText: "Period" })).toBeVisible();
  await expectNoAxeViolations(page, "ballot with a story opened (panelist, en)");

  // The list stays one click away: the evaluation list itself never sends anyone on.
  await page.goto("/evaluations");
  await expect(page).toHaveURL(/\/evaluations$/);
  await expect(page.getByRole("link", { name: evaluation.name })).toBeVisible();
});

test("a lead sets the evaluation's time zone and the rounds show their deadlines in it, in Spanish and English", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const evaluation = await copyOfDemo("Evaluación de prueba: zona horaria");
  const settings = `/evaluations/${evaluation.id}/settings`;
  await signInAt(page, settings, "lead@demo.example", "msc-demo-2026");

  const zone = page.getByLabel("Zona horaria");
  await expect(zone).toHaveValue("America/Mexico_City");
  await expectInteractive(page.getByRole("button", { name: "Guardar los datos de la evaluación" }));
  await zone.selectOption("America/New_York");
  await page.getByRole("button", { name: "Guardar los datos de la evaluación" }).click();
  await expect(page.getByText("Guardado.")).toBeVisible();
  await expectNoAxeViolations(page, "settings with the time zone (lead, es)");

  // The demo round's deadline, with the zone named beside it; the form asks for its clock time.
  await page.goto(`/evaluations/${evaluation.id}/selection`);
  await expect(page.getByText(/^Horas en la zona horaria de la evaluación: .+ \(America\/New_York\)\.$/)).toBeVisible();
  await expect(page.getByLabel(/^Fecha límite, en .+ \(America\/New_York\)$/)).toBeVisible();
  await page.getByRole("link", { name: "Ronda 1: cambios más significativos del dominio" }).click();
  await expect(page.getByText(/^\(.+ \(America\/New_York\)\)$/)).toBeVisible();
  await expectNoAxeViolations(page, "round with its deadline's zone (lead, es)");

  await chooseLanguage(page, "English");
  await expect(page.getByText("(Eastern Time (America/New_York))")).toBeVisible();
  await expectNoAxeViolations(page, "round with its deadline's zone (lead, en)");
});
