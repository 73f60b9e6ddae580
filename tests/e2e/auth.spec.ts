import { expect, test, type BrowserContext } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectNoAxeViolations } from "./support/axe";
import { expectInteractive } from "./support/interactive";
import { signIn, signInToList } from "./support/sign-in";
import { appDatabase, demoMember } from "./support/world";

// A Mexican browser: the app starts in Spanish.
test.use({ locale: "es-MX" });

const PASSWORD = "msc-demo-2026";
const EVALUATOR = "evaluator@demo.example";
// The account locked out and the one enrolled in two-factor sign-in are this spec's own, so
// every other spec may sign in as any demo person, whatever ran before it.
const OWN_PASSWORD = "una contraseña de prueba larga";
let PANELIST: string;
let ANALYST: string;

// Made up per run: the lockout of an unknown address is this spec's own too.
const STRANGER = `stranger-lockout-${Date.now().toString(36)}@demo.example`;

test.beforeAll(async () => {
  PANELIST = (await demoMember(["PANELIST"], OWN_PASSWORD)).email;
  ANALYST = (await demoMember(["ANALYST"], OWN_PASSWORD)).email;
});

// The failures above were charged to the loopback address every spec signs in from (30 in 15
// minutes throttle it): hand that allowance back, whatever order the specs run in.
test.afterAll(async () => {
  await appDatabase().signInAttempt.deleteMany({
    where: { email: { in: [PANELIST, ANALYST, STRANGER].filter(Boolean) } },
  });
});
const SESSION_COOKIE = "next-auth.session-token";
const INVALID_ES = "No pudimos iniciar su sesión. Revise su correo electrónico y su contraseña e inténtelo de nuevo.";
// One text for a locked account and a throttled client address: it says neither which nor whether the account exists.
const LOCKED_ES = "Demasiados intentos fallidos de inicio de sesión. Espere 15 minutos y vuelva a intentarlo.";
const LOCKED_EN = "Too many unsuccessful sign-in attempts. Wait 15 minutes, then try again.";

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

test("a session cookie captured before sign-out is refused afterwards", async ({ page, context, browser, baseURL }) => {
  await signInToList(page, EVALUATOR, PASSWORD);

  const captured = await context.cookies();
  const session = captured.find((cookie) => cookie.name === SESSION_COOKIE);
  expect(session, "a session cookie").toBeDefined();
  // Flags: not readable by scripts, not sent on cross-site subresource requests or POSTs.
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // Secure (and the __Secure- name) come with an https APP_BASE_URL; this run is plain http.
  expect(new URL(baseURL!).protocol === "https:" ? session!.secure : true).toBe(true);

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const replay = await browser.newContext({ locale: "es-MX" });
  try {
    await replay.addCookies(captured);
    const replayPage = await replay.newPage();
    await replayPage.goto("/evaluations");
    await expect(replayPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fevaluations$/);
    await expect(replayPage.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
    // Every page checks the session row, not just the signed cookie.
    await replayPage.goto("/account/two-factor");
    await expect(replayPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Ftwo-factor$/);
    // next-auth's own session endpoint too: it would otherwise answer from the signed cookie alone.
    const answer = await replay.request.get("/api/auth/session");
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({});
  } finally {
    await replay.close();
  }
});

test("signing in replaces a session cookie set before sign-in (session fixation)", async ({
  page,
  context,
  baseURL,
}) => {
  const planted = "attacker-chosen-session-value";
  await context.addCookies([{ name: SESSION_COOKIE, value: planted, url: baseURL! }]);
  await page.goto("/sign-in");
  // The planted value is no session at all.
  await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();

  await signIn(page, EVALUATOR, PASSWORD);
  await expect(page).toHaveURL(/\/evaluations$/);
  const first = await sessionCookie(context);
  expect(first?.value).toBeTruthy();
  expect(first?.value).not.toBe(planted);
  expect(first?.value).not.toContain(planted);

  // A second sign-in gets yet another value (a new session row, not the old one re-used).
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, EVALUATOR, PASSWORD);
  await expect(page).toHaveURL(/\/evaluations$/);
  expect((await sessionCookie(context))?.value).not.toBe(first?.value);
});

test("after 10 wrong passwords the account is locked, with the same message for an unknown address, in both languages", async ({
  page,
}) => {
  await page.goto("/sign-in");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 1; i <= 10; i += 1) {
    await signIn(page, PANELIST, `wrong-password-${i}`);
    await expect(alert, `try ${i}`).toHaveText(INVALID_ES);
  }
  // The right password is refused now too.
  await signIn(page, PANELIST, OWN_PASSWORD);
  await expect(alert).toHaveText(LOCKED_ES);
  await expect(page).toHaveURL(/\/sign-in/);

  // An address without an account behaves exactly alike.
  const stranger = STRANGER;
  for (let i = 1; i <= 10; i += 1) {
    await signIn(page, stranger, `wrong-password-${i}`);
    await expect(alert, `unknown address, try ${i}`).toHaveText(INVALID_ES);
  }
  await signIn(page, stranger, PASSWORD);
  await expect(alert).toHaveText(LOCKED_ES);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await signIn(page, PANELIST, OWN_PASSWORD, "en");
  await expect(alert).toHaveText(LOCKED_EN);
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAxeViolations(page, "sign-in, locked (en)");
});

test("an analyst sets up two-factor sign-in, then signs in with a code; a used code is refused", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Faccount%2Ftwo-factor");
  await signIn(page, ANALYST, OWN_PASSWORD);
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Verificación en dos pasos" })).toBeVisible();
  await expect(page.getByText("La verificación en dos pasos está desactivada.")).toBeVisible();
  await expectNoAxeViolations(page, "two-factor, off (es)");

  await expectInteractive(page.getByRole("button", { name: "Configurar la verificación en dos pasos" }));
  await page.getByRole("button", { name: "Configurar la verificación en dos pasos" }).click();
  const qr = page.getByRole("img", {
    name: "Código QR que agrega su cuenta de Evaluaciones MSC a una aplicación de autenticación",
  });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  const shown = (await page.locator("#two-factor-secret").textContent()) ?? "";
  const secret = shown.replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page, "two-factor, set-up (es)");

  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  // A wrong code first: refused next to the field.
  const now = totp.generate();
  const wrong = now === "000000" ? "111111" : "000000";
  await page.getByLabel("Código de su aplicación").fill(wrong);
  await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
  await expect(page.getByText("Ese código no funcionó.", { exact: false })).toBeVisible();

  await page.getByLabel("Código de su aplicación").fill(totp.generate());
  await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor\?done=enabled$/);
  await expect(
    page.getByText("La verificación en dos pasos está activada. A partir de ahora", { exact: false }),
  ).toBeVisible();
  await expect(page.locator("#two-factor-secret")).toHaveCount(0);
  await expectNoAxeViolations(page, "two-factor, on (es)");

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // Password first: the form asks for the code and keeps the user on the page.
  await signIn(page, ANALYST, OWN_PASSWORD);
  const code = page.getByLabel("Código de verificación");
  await expect(code).toBeFocused();
  await expect(page.locator("form").getByRole("status")).toContainText("Su contraseña es correcta.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoAxeViolations(page, "sign-in, code step (es)");

  // The code of the next step (accepted: ±1 step) has never been used.
  const fresh = totp.generate({ timestamp: Date.now() + 30_000 });
  await code.fill(fresh);
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page).toHaveURL(/\/evaluations$/);

  // The same code again, after signing out: refused.
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, ANALYST, OWN_PASSWORD);
  await page.getByLabel("Código de verificación").fill(fresh);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await answered;
  await expect(page.getByText("Ese código no funcionó.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a sign-in sent before the page's script runs puts nothing in the address", async ({ browser, baseURL }) => {
  // A slow connection, as a script that has not run yet: the browser sends the form by itself.
  const context = await browser.newContext({ baseURL, locale: "es-MX", javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Correo electrónico").fill(EVALUATOR);
    await page.getByLabel("Contraseña", { exact: true }).fill("una-clave-que-no-debe-verse");
    const sent = page.waitForRequest(
      (request) => request.isNavigationRequest() && request.frame() === page.mainFrame(),
    );
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    const request = await sent;
    expect(request.method()).toBe("POST");
    await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
    expect(page.url()).toBe(new URL("/sign-in", baseURL).toString());
    expect(page.url()).not.toContain("clave");
  } finally {
    await context.close();
  }
});
