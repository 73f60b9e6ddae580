import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn, signInToList } from "./support/sign-in";

// A Mexican browser: the app must start in Spanish without being told.
test.use({ locale: "es-MX" });

const LEAD = { email: "lead@demo.example", password: "msc-demo-2026" };
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";

test("a lead signs in, opens the demo evaluation in Spanish, switches to English, and every page passes axe", async ({
  page,
}) => {
  // Five axe passes, each 10-20 s on a busy two-core machine (seen at load average 27): more than the 60 s default.
  test.setTimeout(180_000);
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cuentas de demostración" })).toContainText("msc-demo-2026");
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(page, "sign-in (es)");

  await signIn(page, LEAD.email, LEAD.password);
  await expect(page).toHaveURL(/\/evaluations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Evaluaciones" })).toBeVisible();
  await expect(page).toHaveTitle("Evaluaciones · Evaluaciones MSC");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: EVALUATION }) });
  await expect(card).toContainText("Líder");
  await expectNoAxeViolations(page, "evaluation list (es)");

  await page.getByRole("link", { name: EVALUATION }).click();
  await expect(page.getByRole("heading", { level: 1, name: EVALUATION })).toBeVisible();
  await expect(page).toHaveTitle(`${EVALUATION}: resumen · Evaluaciones MSC`);
  const domains = page.getByRole("region", { name: "Dominios de cambio" });
  await expect(domains.getByRole("listitem")).toHaveCount(5);
  await expect(domains).toContainText("Defensa de los derechos laborales por las personas trabajadoras");
  await expect(domains).not.toContainText("Worker advocacy for labor rights");
  const projects = page.getByRole("table", { name: /Proyectos de la cartera/ });
  await expect(projects.getByRole("columnheader")).toHaveText([
    "Siglas",
    "Proyecto",
    "Oficina a cargo",
    "Fuente de financiamiento",
  ]);
  await expect(projects.locator("tbody tr")).toHaveCount(19);
  await expectNoAxeViolations(page, "evaluation overview (es)");

  const english = page.getByRole("button", { name: "English" });
  await expect(english).toHaveAttribute("lang", "en");
  await english.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const domainsEn = page.getByRole("region", { name: "Domains of change" });
  await expect(domainsEn).toContainText("Worker advocacy for labor rights");
  await expect(domainsEn.getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("table", { name: /Projects in the portfolio/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
  await expect(page).toHaveTitle(`${EVALUATION}: overview · MSC Evaluations`);
  await expectNoAxeViolations(page, "evaluation overview (en)");

  await page.getByRole("link", { name: "All evaluations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evaluations" })).toBeVisible();
  await expect(page).toHaveTitle("Evaluations · MSC Evaluations");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: EVALUATION }) })).toContainText(
    "Lead",
  );
  await expectNoAxeViolations(page, "evaluation list (en)");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page).toHaveTitle("Sign in · MSC Evaluations");
  await expectNoAxeViolations(page, "sign-in (en)");

  // The session is over on the server too: the list sends us back to sign in.
  await page.goto("/evaluations");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows one translated message and stays on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, LEAD.email, "not-the-password");
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "No pudimos iniciar su sesión. Revise su correo electrónico y su contraseña e inténtelo de nuevo.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Iniciar sesión" })).toBeEnabled();

  // An unknown address gets exactly the same answer.
  await page.getByLabel("Correo electrónico").fill("nobody@demo.example");
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "No pudimos iniciar su sesión. Revise su correo electrónico y su contraseña e inténtelo de nuevo.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing in works with the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  const email = page.getByLabel("Correo electrónico");
  for (let presses = 0; presses < 15 && !(await email.evaluate((node) => node === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(email).toBeFocused();
  await page.keyboard.type(LEAD.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Contraseña")).toBeFocused();
  await page.keyboard.type(LEAD.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/evaluations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Evaluaciones" })).toBeVisible();
});

test("an evaluation that does not exist is a plain 404", async ({ page }) => {
  await signInToList(page, LEAD.email, LEAD.password);

  const response = await page.goto("/evaluations/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  await expect(page).toHaveTitle("Página no encontrada · Evaluaciones MSC");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expectNoAxeViolations(page, "not found (es)");

  // The header's language switch works here too.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // The title streams in after the heading; axe checks it, so wait for it.
  await expect(page).toHaveTitle("Page not found · MSC Evaluations");
  await expectNoAxeViolations(page, "not found (en)");
});

test("an address that matches no route gets the same 404 page, with the header", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
});

test("a signed-out visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/evaluations");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fevaluations$/);
  await signIn(page, LEAD.email, LEAD.password);
  await expect(page).toHaveURL(/\/evaluations$/);

  const overview = page.url().replace(/\/evaluations$/, "/evaluations/does-not-exist");
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(overview);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fevaluations%2Fdoes-not-exist$/);
});

test("a callbackUrl pointing elsewhere ends on this app after sign-in", async ({ page, baseURL }) => {
  await page.goto("/sign-in?callbackUrl=//evil.example");
  await signIn(page, LEAD.email, LEAD.password);
  await expect(page).toHaveURL(`${baseURL}/evaluations`);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});
