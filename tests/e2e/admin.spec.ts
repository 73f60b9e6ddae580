import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signIn, signInToEvaluation, signInToList } from "./support/sign-in";
import { copyOfDemo } from "./support/world";
import { tabTo } from "./support/keyboard";

// An English browser; the invitee's browser below is Mexican, so both languages are exercised.
test.use({ locale: "en-US" });

const PASSWORD = "msc-demo-2026";
/** This spec's own copy of the demo: the panelist it invites joins no other spec's evaluation. */
let evaluationName: string;

test.beforeAll(async () => {
  evaluationName = (await copyOfDemo("Evaluación de prueba: miembros")).name;
});

async function freshPage(browser: Browser, baseURL: string | undefined, locale = "en-US"): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale });
  return context.newPage();
}

/** The path of a link shown by the app (its host is APP_BASE_URL; the test server may differ). */
function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

test("an administrator creates a user and copies the one-time link; the new user sets a password and signs in", async ({
  page,
  browser,
  baseURL,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInToList(page, "admin@demo.example", PASSWORD, "en");

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(page).toHaveTitle("Users · MSC Evaluations");
  await expect(
    page.getByRole("switch", { name: "Require two-factor sign-in for roles that can read identities" }),
  ).toHaveAttribute("aria-checked", "false");
  await expectNoAxeViolations(page, "admin users");

  // A bad address is refused next to the field, and the field says so to assistive technology.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create user" }) });
  await form.getByLabel("Full name").fill("Valentina Ríos");
  await form.getByLabel("E-mail address").fill("not-an-address");
  await form.getByRole("button", { name: "Create user" }).click();
  const email = form.getByLabel("E-mail address");
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter an e-mail address such as name@example.org.");

  const address = `valentina.${Date.now()}@example.org`;
  await email.fill(address);
  await form.getByRole("button", { name: "Create user" }).click();
  const linkField = page.getByRole("textbox", { name: "One-time link" });
  await expect(linkField).toBeVisible();
  await expect(linkField).toBeFocused();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invitations\/account\/[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.getByRole("searchbox", { name: "Search by name or e-mail address" }).fill(address);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: address });
  await expect(row).toContainText("Waiting for password");
  await expect(row.getByRole("button", { name: "Disable Valentina Ríos" })).toBeVisible();
  await expectNoAxeViolations(page, "admin users with a link and a search");

  // The new user, in a browser of their own.
  const invitee = await freshPage(browser, baseURL);
  await invitee.goto(pathOf(link));
  await expect(invitee.getByRole("heading", { level: 1, name: "Set up your account" })).toBeVisible();
  await expect(invitee.getByLabel("Your full name")).toHaveValue("Valentina Ríos");
  await invitee.getByLabel("Password", { exact: true }).fill("a long enough password");
  await invitee.getByLabel("Repeat the password").fill("a long enough password");
  await invitee.getByRole("button", { name: "Save my password" }).click();
  await expect(invitee.getByRole("heading", { name: "Your account is ready" })).toBeVisible();
  await invitee.getByRole("link", { name: "Sign in" }).click();
  await signIn(invitee, address, "a long enough password", "en");
  await expect(invitee).toHaveURL(/\/evaluations$/);
  await expect(invitee.getByRole("heading", { level: 1, name: "Evaluations" })).toBeVisible();

  // The link worked once.
  const again = await freshPage(browser, baseURL);
  await again.goto(pathOf(link));
  await expect(again.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await again.context().close();
  await invitee.context().close();
});

test("a lead invites a panelist with the keyboard alone; the invitee joins, signs in and sees the evaluation", async ({
  page,
  browser,
  baseURL,
}) => {
  const evaluationPath = await signInToEvaluation(page, evaluationName, "lead@demo.example", PASSWORD, "en");
  await page.goto(`${evaluationPath}/members`);
  await expect(page.getByRole("heading", { level: 1, name: `${evaluationName}: Members` })).toBeVisible();
  await expect(page.getByRole("table", { name: /members/ })).toContainText("lead@demo.example");
  await expectNoAxeViolations(page, "members (lead)");

  // Keyboard only: from the e-mail field, through the roles, to the button.
  const email = page.getByRole("textbox", { name: "E-mail address" });
  await email.focus();
  await page.keyboard.press("Enter"); // submitting empty: errors, focus back on the field
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription("Enter an e-mail address.");
  const address = `panelist.${Date.now()}@example.org`;
  await page.keyboard.type(address);
  const panelist = page.getByRole("group", { name: "Roles" }).getByRole("checkbox", { name: "Panelist" });
  await tabTo(page, panelist, 40);
  await page.keyboard.press("Space");
  await expect(panelist).toBeChecked();
  const submit = page.getByRole("button", { name: "Create invitation" });
  await tabTo(page, submit, 40);
  await page.keyboard.press("Enter");
  const linkField = page.getByRole("textbox", { name: "One-time link" });
  await expect(linkField).toBeFocused();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("table", { name: /open invitation/ })).toContainText(address);
  await expectNoAxeViolations(page, "members with a new invitation");

  // The invitee, in a Spanish browser of their own.
  const invitee = await freshPage(browser, baseURL, "es-MX");
  await invitee.goto(pathOf(link));
  await expect(invitee.getByRole("heading", { level: 1, name: `Le invitan a «${evaluationName}»` })).toBeVisible();
  await expect(invitee.getByRole("main")).toContainText("Panelista");
  await expectNoAxeViolations(invitee, "invitation (es)");
  await invitee.getByLabel("Su nombre completo").fill("Paula Invitada");
  await invitee.getByLabel("Contraseña", { exact: true }).fill("short");
  await invitee.getByRole("button", { name: "Unirme a la evaluación" }).click();
  await expect(invitee.getByLabel("Contraseña", { exact: true })).toHaveAccessibleDescription(
    /Use al menos 12 caracteres\./,
  );
  await invitee.getByLabel("Contraseña", { exact: true }).fill("una contraseña larga");
  await invitee.getByLabel("Repita la contraseña").fill("una contraseña larga");
  await invitee.getByRole("button", { name: "Unirme a la evaluación" }).click();
  await expect(invitee.getByRole("heading", { name: "Le damos la bienvenida al equipo" })).toBeVisible();
  await invitee.getByRole("link", { name: "Iniciar sesión" }).click();
  await signIn(invitee, address, "una contraseña larga");
  await expect(invitee.getByRole("heading", { level: 1, name: evaluationName })).toBeVisible();
  expect(new URL(invitee.url()).pathname).toBe(evaluationPath);

  // The lead sees the new member; the link is spent.
  await page.reload();
  await expect(page.getByRole("table", { name: /members/ })).toContainText("Paula Invitada");
  const reuse = await freshPage(browser, baseURL);
  await reuse.goto(pathOf(link));
  await expect(reuse.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await reuse.goto(`/invitations/${"A".repeat(43)}`);
  await expect(reuse.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
  await reuse.context().close();
  await invitee.context().close();
});

test("a panelist sees the members but no controls", async ({ page }) => {
  const evaluationPath = await signInToEvaluation(page, evaluationName, "panelist@demo.example", PASSWORD, "en");
  await page.goto(`${evaluationPath}/members`);
  const table = page.getByRole("table", { name: /members/ });
  await expect(table).toContainText("Mariana Quiroga Salas");
  await expect(table).not.toContainText("@demo.example");
  const main = page.getByRole("main");
  await expect(main.getByRole("button")).toHaveCount(0);
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  await expectNoAxeViolations(page, "members (panelist)");

  // Administration is not there for a panelist: a plain 404.
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  const newEvaluation = await page.goto("/evaluations/new");
  expect(newEvaluation?.status()).toBe(404);
});
