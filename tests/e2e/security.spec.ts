/**
 * The security baseline in a real browser: headers and CSP on every page, the app still working
 * under the CSP, session cookie flags, cross-site POSTs refused, forged hosts ignored.
 * Scenarios 7, 9, 15, 19 and 21 of the security test notes.
 */
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { signIn, signInToList } from "./support/sign-in";

test.use({ locale: "es-MX" });

const LEAD = { email: "lead@demo.example", password: "msc-demo-2026" };
const EVALUATION = "USMCA Labor Technical Assistance Evaluation (Mexico)";
const EVIL = "https://evil.example";

type Headers = Record<string, string>;

function nonceOf(headers: Headers): string {
  const nonce = headers["content-security-policy"]?.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, "script-src carries a nonce").toBeTruthy();
  return nonce!;
}

function expectSecurityHeaders(headers: Headers, where: string) {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, `CSP on ${where}`).toContain("frame-ancestors 'none'");
  expect(policy, `CSP on ${where}`).toContain("object-src 'none'");
  expect(policy.match(/script-src [^;]*/)?.[0], `script-src on ${where}`).not.toContain("'unsafe-inline'");
  expect(headers["x-content-type-options"], `nosniff on ${where}`).toBe("nosniff");
  expect(headers["x-frame-options"], `X-Frame-Options on ${where}`).toBe("DENY");
  expect(headers["referrer-policy"], `Referrer-Policy on ${where}`).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], `Permissions-Policy on ${where}`).toContain("camera=()");
  expect(headers["cross-origin-opener-policy"], `COOP on ${where}`).toBe("same-origin");
  const cacheControl = headers["cache-control"] ?? "";
  expect(cacheControl, `Cache-Control on ${where}`).toContain("no-store");
  expect(cacheControl, `Cache-Control on ${where}`).not.toMatch(/s-maxage|public/);
}

/** Collects console errors; a CSP violation also reports itself through the DOM event. */
async function watchConsole(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
    });
  });
  return errors;
}

function cspErrors(errors: string[]): string[] {
  return errors.filter((text) =>
    /content security policy|CSP violation|refused to (execute|load|apply|evaluate|connect)/i.test(text),
  );
}

async function documentHeaders(response: Response | null, where: string): Promise<Headers> {
  expect(response, `a response for ${where}`).not.toBeNull();
  expect(response!.status(), `status of ${where}`).toBe(200);
  return response!.allHeaders();
}

test("pages carry a per-request nonce CSP and no-store, and the app works under it", async ({
  page,
  context,
  request,
}) => {
  const errors = await watchConsole(page);

  const signInResponse = await page.goto("/sign-in");
  const signInHeaders = await documentHeaders(signInResponse, "sign-in");
  expectSecurityHeaders(signInHeaders, "sign-in");
  const nonce = nonceOf(signInHeaders);
  // Next put this request's nonce on its own scripts.
  expect(await signInResponse!.text()).toContain(`nonce="${nonce}"`);
  const again = await request.get("/sign-in");
  expect(nonceOf(again.headers()), "a fresh nonce per request").not.toBe(nonce);

  const callback = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await signIn(page, LEAD.email, LEAD.password);
  await expect(page).toHaveURL(/\/evaluations$/);
  // Scenario 7: the session cookie cannot be read by scripts and does not ride on cross-site POSTs.
  const setCookie = (await (await callback).headerValue("set-cookie")) ?? "";
  expect(setCookie).toMatch(/next-auth\.session-token=[^;]+;[^\n]*HttpOnly/i);
  expect(setCookie).toMatch(/next-auth\.session-token=[^;]+;[^\n]*SameSite=Lax/i);
  const session = (await context.cookies()).find((cookie) =>
    /^(__Secure-|__Host-)?next-auth\.session-token$/.test(cookie.name),
  );
  expect(session, "the session cookie").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Over https (APP_BASE_URL https://…) next-auth switches to the __Secure- name and the Secure flag.
  expect(session!.name).toBe("next-auth.session-token");

  const list = await documentHeaders(await page.reload(), "evaluation list");
  expectSecurityHeaders(list, "evaluation list");
  expect(nonceOf(list)).not.toBe(nonce);
  await expect(page.getByRole("heading", { level: 1, name: "Evaluaciones" })).toBeVisible();

  await page.getByRole("link", { name: EVALUATION }).click();
  await expect(page.getByRole("heading", { level: 1, name: EVALUATION })).toBeVisible();
  const overview = await documentHeaders(await page.reload(), "evaluation overview");
  expectSecurityHeaders(overview, "evaluation overview");
  const overviewAgain = await page.request.get(page.url());
  expect(overviewAgain.status()).toBe(200);
  expect(nonceOf(overviewAgain.headers())).not.toBe(nonceOf(overview));

  // The client router's data requests are not cached either.
  const flight = await page.request.get(page.url(), { headers: { RSC: "1" } });
  expect(flight.headers()["cache-control"]).toContain("no-store");

  // Hydrated and working: the language switch is a Server Action called from the client.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("region", { name: "Domains of change" })).toBeVisible();

  // The 404 page is rendered under the same policy.
  const missing = await page.goto("/evaluations/does-not-exist");
  expect(missing?.status()).toBe(404);
  expectSecurityHeaders(await missing!.allHeaders(), "404 page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  // Signing out is a same-origin POST to a route handler: the origin check lets it through.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  expect(cspErrors(errors), `CSP errors in the console (all errors: ${JSON.stringify(errors)})`).toEqual([]);
});

test("a cross-site POST to a route handler is refused with 403 and the security headers", async ({ request }) => {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const form = { email: LEAD.email, password: LEAD.password, csrfToken: csrf.csrfToken, json: "true" };

  const forged = await request.post("/api/auth/callback/credentials", { headers: { Origin: EVIL }, form });
  expect(forged.status()).toBe(403);
  // The refusal says where the app answers and what to set (issue 17); no session is started.
  expect(await forged.json()).toMatchObject({ error: "FORBIDDEN", reason: "ORIGIN_NOT_ACCEPTED" });
  expect(forged.headers()["set-cookie"] ?? "").not.toContain("session-token");
  expectSecurityHeaders(forged.headers(), "403 answer");

  const noOrigin = await request.post("/api/auth/callback/credentials", { form });
  expect(noOrigin.status(), "neither Origin nor Referer").toBe(403);

  const nullOrigin = await request.post("/api/auth/signout", {
    headers: { Origin: "null" },
    form: { csrfToken: csrf.csrfToken },
  });
  expect(nullOrigin.status(), "Origin: null").toBe(403);

  // Scenario 15: the header behind CVE-2025-29927 does not skip the proxy.
  const subrequest = await request.post("/api/auth/callback/credentials", {
    headers: { Origin: EVIL, "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    form,
  });
  expect(subrequest.status()).toBe(403);

  const lookAlike = await request.post("/api/auth/callback/credentials", {
    headers: { Referer: `${EVIL}/sign-in` },
    form,
  });
  expect(lookAlike.status(), "a foreign Referer").toBe(403);
});

test("a Server Action replayed from another origin is refused and changes nothing", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const actionRequest = page.waitForRequest(
    (request) => request.method() === "POST" && !!request.headers()["next-action"],
  );
  await page.getByRole("button", { name: "English" }).click();
  const captured = await actionRequest;
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const actionId = captured.headers()["next-action"]!;
  const body = captured.postDataBuffer()!;
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/i);
  // Replay exactly what the browser sent, minus what identifies where it came from.
  const sent = Object.fromEntries(
    Object.entries(await captured.allHeaders()).filter(
      ([name]) => !/^(origin|referer|cookie|host|content-length|:.*)$/i.test(name),
    ),
  );

  const host = new URL(baseURL!).hostname;
  const setLocaleCookie = async (value: string) =>
    context.addCookies([{ name: "NEXT_LOCALE", value, domain: host, path: "/", httpOnly: true, sameSite: "Lax" }]);
  const locale = async () => (await context.cookies()).find((cookie) => cookie.name === "NEXT_LOCALE")?.value;
  const replay = (origin: string): Promise<APIResponse> =>
    page.request.post(captured.url(), {
      headers: { ...sent, Origin: origin },
      data: body,
      maxRedirects: 0,
    });

  // Control: the same replay from our own origin does switch the language, so the refusal below means something.
  await setLocaleCookie("es");
  const own = await replay(new URL(baseURL!).origin);
  expect(own.status()).toBe(200);
  expect(await locale()).toBe("en");

  await setLocaleCookie("es");
  const forged = await replay(EVIL);
  expect(forged.status(), "Next's Server Action origin check").toBeGreaterThanOrEqual(400);
  expect(forged.headers()["set-cookie"] ?? "").not.toContain("NEXT_LOCALE");
  expect(await locale()).toBe("es");
  expectSecurityHeaders(forged.headers(), "refused Server Action");

  // The same as a plain cross-site HTML form (no JavaScript, action id in the body).
  await setLocaleCookie("es");
  const htmlForm = await page.request.post(captured.url(), {
    headers: { Origin: EVIL },
    multipart: { [`$ACTION_ID_${actionId}`]: "", locale: "en" },
    maxRedirects: 0,
  });
  expect(htmlForm.headers()["set-cookie"] ?? "").not.toContain("NEXT_LOCALE");
  expect(await locale()).toBe("es");
});

test("a forged Host or X-Forwarded-Host never shows up in links or redirects", async ({ page, request }) => {
  const forged = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };

  const signInPage = await request.get("/sign-in?callbackUrl=%2Fevaluations", { headers: forged, maxRedirects: 0 });
  expect(signInPage.status()).toBe(200);
  expect(await signInPage.text()).not.toContain("evil.example");

  const forwardedOnly = await request.get("/sign-in", {
    headers: { "X-Forwarded-Host": "evil.example" },
    maxRedirects: 0,
  });
  expect(await forwardedOnly.text()).not.toContain("evil.example");

  const signedOut = await request.get("/evaluations", { headers: forged, maxRedirects: 0 });
  expect(signedOut.headers()["location"] ?? "").not.toContain("evil.example");
  expect(await signedOut.text()).not.toContain("evil.example");

  const providers = await request.get("/api/auth/providers", { headers: forged });
  expect(await providers.text()).not.toContain("evil.example");

  // Signed in, the sign-in page redirects onwards: still to this app.
  await signInToList(page, LEAD.email, LEAD.password);
  const onwards = await page.request.get("/sign-in", { headers: forged, maxRedirects: 0 });
  expect(onwards.headers()["location"] ?? "").not.toContain("evil.example");
  expect(await onwards.text()).not.toContain("evil.example");
});

test("/api/health carries the security headers too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectSecurityHeaders(health.headers(), "/api/health");
});
