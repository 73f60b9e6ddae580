/** The proxy itself, called as Next calls it: headers on the response, the nonce on the request. */
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

const BASE = "https://app.example.org";
let proxy: typeof import("@/proxy").proxy;
let config: typeof import("@/proxy").config;

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://unused@localhost:5432/unused",
    AUTH_SECRET: "a".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
    APP_BASE_URL: BASE,
    // As a launcher would list them for a demo: production (DEMO_MODE unset) must ignore them.
    DEMO_ORIGINS: "http://127.0.0.1:3000",
  });
  ({ proxy, config } = await import("@/proxy"));
});

function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/script-src[^;]*'nonce-([^']+)'/)?.[1];
}

describe("proxy", () => {
  it("puts a fresh nonce in the CSP of the response and of the request Next renders", () => {
    const first = proxy(new NextRequest(`${BASE}/sign-in`, { headers: { "x-nonce": "chosen-by-client" } }));
    const second = proxy(new NextRequest(`${BASE}/sign-in`));
    const policy = first.headers.get("content-security-policy");
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(nonceOf(second.headers.get("content-security-policy")));
    // NextResponse.next({ request: { headers } }) hands the request headers over like this.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-next")).toBe("1");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(first.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses a cross-site POST to a route handler with 403 and the same headers", async () => {
    const response = proxy(
      new NextRequest(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { origin: "https://evil.example" },
      }),
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: string; reason: string; message: string };
    expect(body).toMatchObject({ error: "FORBIDDEN", reason: "ORIGIN_NOT_ACCEPTED" });
    // It says where the app answers and what to set, and nothing else about the installation.
    expect(body.message).toContain(`only from ${new URL(BASE).origin} (APP_BASE_URL)`);
    expect(body.message).toContain("(https://evil.example)");
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("gives a file route the download policy, which the route sets too, instead of the page policy", () => {
    const download = proxy(new NextRequest(`${BASE}/api/evaluations/e1/evidence/x1/file`));
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(proxy(new NextRequest(`${BASE}/evaluations/e1`)).headers.get("content-security-policy")).toContain(
      "script-src",
    );
  });

  it("accepts no other origin in production, even one the demo would list", () => {
    // DEMO_ORIGINS counts only with DEMO_MODE=true, which the launcher sets for the embedded demo alone.
    const post = proxy(
      new NextRequest(`${BASE}/api/auth/signout`, { method: "POST", headers: { origin: "http://127.0.0.1:3000" } }),
    );
    expect(post.status).toBe(403);
  });

  it("refuses a POST to a route handler with neither Origin nor Referer", () => {
    expect(proxy(new NextRequest(`${BASE}/api/auth/signout`, { method: "POST" })).status).toBe(403);
  });

  it("lets a same-origin POST and any GET through", () => {
    const post = proxy(new NextRequest(`${BASE}/api/auth/signout`, { method: "POST", headers: { origin: BASE } }));
    expect(post.headers.get("x-middleware-next")).toBe("1");
    const get = proxy(new NextRequest(`${BASE}/api/auth/session`, { headers: { origin: "https://evil.example" } }));
    expect(get.headers.get("x-middleware-next")).toBe("1");
  });

  it("still runs when a client sends x-middleware-subrequest (CVE-2025-29927)", () => {
    const response = proxy(
      new NextRequest(`${BASE}/api/auth/signout`, {
        method: "POST",
        headers: { origin: "https://evil.example", "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      }),
    );
    expect(response.status).toBe(403);
  });

  it("skips only build assets (the matcher read as the regular expression it is)", () => {
    const pattern = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/sign-in", "/evaluations/abc", "/api/health", "/api/auth/csrf"])
      expect(pattern.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/app.js", "/_next/image?url=x", "/favicon.ico"])
      expect(pattern.test(path), path).toBe(false);
  });
});
