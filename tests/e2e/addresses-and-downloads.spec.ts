/**
 * What only the running app can show (issue 17): sign-in works at 127.0.0.1 in the embedded demo
 * (the origin check accepts the addresses it listens on); an evidence download keeps its own
 * sandbox policy (the page policy does not replace it); and with the default configuration (no
 * trusted proxy) failed sign-ins from one address are throttled, because the workers know each
 * socket's address.
 */
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { ADDRESS_FAILURE_LIMIT } from "@/lib/auth/policy";
import { signIn, signInToList } from "./support/sign-in";
import { appDatabase, copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });
test.describe.configure({ timeout: 180_000 });

const PASSWORD = "msc-demo-2026";
const port = Number(process.env.E2E_PORT ?? 3100);
const loopback = `http://127.0.0.1:${port}`;

/**
 * The app at this machine's own network address (the demo answers at every address it listens
 * on). The other specs reach it at localhost, so failures sent from here are charged to a client
 * address none of them uses: the throttle spends no other spec's allowance, and a spec signing in
 * at the same moment in another worker is not refused.
 */
function networkOrigin(): string {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  const own =
    addresses.find((entry) => !entry.internal && entry.family === "IPv4") ??
    addresses.find((entry) => !entry.internal && entry.family === "IPv6" && !entry.address.startsWith("fe80:"));
  if (!own)
    throw new Error("This machine has no network address besides loopback; the throttle test needs one of its own.");
  return new URL(`http://${own.family === "IPv6" ? `[${own.address}]` : own.address}:${port}`).origin;
}

test("signs in at 127.0.0.1, not only at localhost", async ({ page }) => {
  await page.goto(`${loopback}/sign-in`);
  // No warning about the address: the demo accepts it.
  await expect(page.getByRole("alert").filter({ hasText: "APP_BASE_URL" })).toHaveCount(0);
  await signIn(page, "analyst@demo.example", PASSWORD);
  await expect(page).toHaveURL(new RegExp(`^${loopback}/evaluations`));
});

test("refuses a change from an origin the demo does not listen on, saying what to set", async ({ request }) => {
  const response = await request.post("/api/auth/signout", {
    headers: { Origin: "http://msc.invalid:3000" },
    form: {},
  });
  expect(response.status()).toBe(403);
  const body = (await response.json()) as { reason: string; message: string };
  expect(body.reason).toBe("ORIGIN_NOT_ACCEPTED");
  expect(body.message).toMatch(/set APP_BASE_URL to the address people use \(http:\/\/msc\.invalid:3000\)/);
});

test("an evidence download keeps its own sandbox policy", async ({ page }) => {
  const prisma = appDatabase();
  const evaluation = await copyOfDemo("Evaluación de prueba: anexo con política propia");
  const model = await prisma.evidenceItem.findFirstOrThrow({ where: { evaluationId: evaluation.id } });
  const content = Buffer.from("%PDF-1.4\n%sandboxed\n");
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, figureId: _f, ...copy } = model;
  const evidence = await prisma.evidenceItem.create({
    data: {
      ...copy,
      citation: `Anexo con política propia ${Date.now()}`,
      fileName: "anexo.pdf",
      mimeType: "application/pdf",
      sizeBytes: content.byteLength,
      contentSha256: null,
      content,
    },
  });

  await signInToList(page, "analyst@demo.example", PASSWORD);
  const download = await page.request.get(`/api/evaluations/${evaluation.id}/evidence/${evidence.id}/file`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  // A page still gets the page policy.
  const pageResponse = await page.request.get("/evaluations");
  expect(pageResponse.headers()["content-security-policy"]).toContain("script-src");
});

test.describe("failed sign-ins from one address, with no trusted proxy", () => {
  const started = new Date();
  const origin = networkOrigin();
  const recordedAddress = async () =>
    (
      await appDatabase().signInAttempt.findFirst({
        where: { createdAt: { gte: started }, email: { startsWith: "nadie-" } },
        select: { ipAddress: true },
      })
    )?.ipAddress;

  test.afterAll(async () => {
    // Lift the throttle: the evaluator's refused try counts against their account too.
    const ipAddress = await recordedAddress();
    if (ipAddress) await appDatabase().signInAttempt.deleteMany({ where: { createdAt: { gte: started }, ipAddress } });
  });

  test("are throttled once the address limit is reached, even for the right password", async ({ request }) => {
    const attempt = async (email: string, password: string) => {
      const { csrfToken } = (await (await request.get(`${origin}/api/auth/csrf`)).json()) as { csrfToken: string };
      const response = await request.post(`${origin}/api/auth/callback/credentials`, {
        headers: { Origin: origin },
        form: { email, password, csrfToken, callbackUrl: "/evaluations", json: "true" },
        maxRedirects: 0,
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string };
      return new URL(body.url ?? "http://x/").searchParams.get("error");
    };
    // Each try a different unknown address, so the per-account limit never applies.
    for (let index = 0; index < ADDRESS_FAILURE_LIMIT; index += 1) {
      expect(await attempt(`nadie-${index}-${Date.now()}@demo.example`, "not the password"), `try ${index + 1}`).toBe(
        "CredentialsSignin",
      );
    }
    expect(await attempt("evaluator@demo.example", PASSWORD)).toBe("TOO_MANY_ATTEMPTS");
    // Charged to the socket's address, which the workers pass on: never "unknown", never loopback.
    expect(await recordedAddress()).toBe(new URL(origin).hostname.replace(/^\[|\]$/g, ""));
  });
});
