import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, DOWNLOAD_CSP, NO_STORE, securityHeaders } from "@/lib/security/headers";
import { acceptedOrigins, isSameOrigin, needsOriginCheck, originRefusal } from "@/lib/security/origin";
import { listeningOrigins } from "@/lib/launch/origins";

const NONCE = "q83vEjRWeJq83vEjRWeJqw==";
const HTTP = "http://localhost:3000";
const HTTPS = "https://app.example.org";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const production = directives(contentSecurityPolicy({ nonce: NONCE, appBaseUrl: HTTPS, development: false }));

  it("allows scripts only by nonce, with strict-dynamic, and never inline or eval in production", () => {
    expect(production.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("allows inline style elements only by nonce in production", () => {
    expect(production.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
  });

  it("forbids framing, plugins, foreign bases and foreign form targets", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
    expect(production.get("connect-src")).toEqual(["'self'"]);
    expect(production.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("upgrades insecure requests only for an https base URL", () => {
    expect(production.has("upgrade-insecure-requests")).toBe(true);
    const http = directives(contentSecurityPolicy({ nonce: NONCE, appBaseUrl: HTTP, development: false }));
    expect(http.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds unsafe-eval for React's dev tooling in development only, still without inline scripts", () => {
    const dev = directives(contentSecurityPolicy({ nonce: NONCE, appBaseUrl: HTTP, development: true }));
    expect(dev.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaders", () => {
  it("sets the fixed headers on every response", () => {
    const headers = securityHeaders({ nonce: NONCE, appBaseUrl: HTTP, development: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cache-Control": NO_STORE,
    });
    expect(headers["Content-Security-Policy"]).toContain(`'nonce-${NONCE}'`);
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
    expect(NO_STORE).toBe("private, no-store");
  });

  it("sends HSTS only when the base URL is https", () => {
    expect(securityHeaders({ nonce: NONCE, appBaseUrl: HTTPS, development: false })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(securityHeaders({ nonce: NONCE, appBaseUrl: HTTP, development: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(
      securityHeaders({ nonce: NONCE, appBaseUrl: "http://https.example", development: false }),
    ).not.toHaveProperty("Strict-Transport-Security");
  });
});

describe("createNonce", () => {
  it("is 16 random bytes in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

describe("isSameOrigin", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("accepts the app's own origin, in Origin or (without Origin) in Referer", () => {
    expect(isSameOrigin(headers({ origin: HTTPS }), HTTPS)).toBe(true);
    expect(isSameOrigin(headers({ origin: "HTTPS://APP.EXAMPLE.ORG:443" }), HTTPS)).toBe(true);
    expect(isSameOrigin(headers({ referer: `${HTTPS}/sign-in?callbackUrl=%2Fevaluations` }), HTTPS)).toBe(true);
    expect(isSameOrigin(headers({ origin: HTTP }), `${HTTP}/`)).toBe(true);
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["a look-alike host", { origin: "https://app.example.org.evil.example" }],
    ["a look-alike subdomain", { origin: "https://evil-app.example.org" }],
    ["userinfo trick", { origin: "https://app.example.org@evil.example" }],
    ["plain http for an https app", { origin: "http://app.example.org" }],
    ["another port", { origin: "https://app.example.org:8443" }],
    ["the null origin", { origin: "null" }],
    ["the null origin with our Referer", { origin: "null", referer: `${HTTPS}/evaluations` }],
    ["an empty origin", { origin: "" }],
    ["a garbled origin", { origin: "not a url" }],
    ["a forged Referer of another host", { referer: "https://evil.example/app.example.org" }],
    ["a look-alike Referer", { referer: "https://app.example.org.evil.example/sign-in" }],
    ["a foreign Origin with our Referer", { origin: "https://evil.example", referer: `${HTTPS}/sign-in` }],
    ["a data: Referer", { referer: "data:text/html,hi" }],
    ["neither header", {}],
  ])("refuses %s", (_, values: Record<string, string>) => {
    expect(isSameOrigin(headers(values), HTTPS)).toBe(false);
  });

  it("refuses everything when the base URL itself is unusable", () => {
    expect(isSameOrigin(headers({ origin: "null" }), "not a url")).toBe(false);
  });
});

describe("needsOriginCheck", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "post"])("checks %s under /api/", (method) => {
    expect(needsOriginCheck(method, "/api/auth/callback/credentials")).toBe(true);
  });

  it.each(["GET", "HEAD"])("lets %s through", (method) => {
    expect(needsOriginCheck(method, "/api/auth/session")).toBe(false);
  });

  it.each([
    "/api",
    "/api/health",
    "//api/auth/signout",
    "/%61pi/auth/signout",
    "/API/auth/signout",
    "/api%2Fauth",
    "/%E0%A4%A",
  ])("treats %s as an API path", (path) => {
    expect(needsOriginCheck("POST", path)).toBe(true);
  });

  it.each(["/evaluations", "/sign-in", "/apiary", "/"])("leaves %s to Next's own Server Action check", (path) => {
    expect(needsOriginCheck("POST", path)).toBe(false);
  });
});

describe("the origins changes are accepted from (issue 17, item 6)", () => {
  const headers = (values: Record<string, string>) => new Headers(values);
  const production = {
    APP_BASE_URL: "https://msc.example.org/",
    DEMO_MODE: "false",
    DEMO_ORIGINS: "http://127.0.0.1:3000",
  };
  const demo = {
    APP_BASE_URL: "http://localhost:3000",
    DEMO_MODE: "true",
    DEMO_ORIGINS: "http://localhost:3000,http://127.0.0.1:3000,http://192.168.1.20:3000,http://[::1]:3000",
  };

  it("are APP_BASE_URL's alone in production, whatever DEMO_ORIGINS says", () => {
    expect(acceptedOrigins(production)).toEqual(["https://msc.example.org"]);
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3000" }), acceptedOrigins(production))).toBe(false);
  });

  it("are the addresses the demo listens on in the embedded demo, and no other", () => {
    const accepted = acceptedOrigins(demo);
    for (const origin of [
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://192.168.1.20:3000",
      "http://[::1]:3000",
    ]) {
      expect(isSameOrigin(headers({ origin }), accepted), origin).toBe(true);
    }
    // A rebinding name that resolves to the machine, another port, another scheme: refused.
    for (const origin of ["http://evil.example:3000", "http://127.0.0.1:3001", "https://127.0.0.1:3000", "null"]) {
      expect(isSameOrigin(headers({ origin }), accepted), origin).toBe(false);
    }
  });

  it("says, when refusing, where the app answers and what to set", () => {
    const message = originRefusal("http://127.0.0.1:3000", "http://localhost:3000");
    expect(message).toContain("http://localhost:3000 (APP_BASE_URL)");
    expect(message).toContain("set APP_BASE_URL to the address people use (http://127.0.0.1:3000)");
    expect(originRefusal(null, "https://msc.example.org")).toContain("only from https://msc.example.org");
  });

  it("lists the demo's listening addresses: loopback names and the machine's own, without link-local IPv6", () => {
    const origins = listeningOrigins(3000, {
      lo: [{ address: "127.0.0.1", family: "IPv4" } as never],
      eth0: [
        { address: "192.168.1.20", family: "IPv4" } as never,
        { address: "fe80::1", family: "IPv6" } as never,
        { address: "2001:db8::5", family: "IPv6" } as never,
      ],
    });
    expect(origins).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://192.168.1.20:3000",
      "http://[2001:db8::5]:3000",
    ]);
  });
});

describe("downloads keep the download policy (issue 17, item 5)", () => {
  it("gives file routes the sandbox policy, and pages the page policy", () => {
    const input = { nonce: "bm9uY2U=", appBaseUrl: "https://msc.example.org", development: false };
    expect(securityHeaders(input, "/api/evaluations/e1/evidence/x/file")["Content-Security-Policy"]).toBe(DOWNLOAD_CSP);
    expect(securityHeaders(input, "//api/evaluations/e1/exports/stories.csv")["Content-Security-Policy"]).toBe(
      DOWNLOAD_CSP,
    );
    // A validation sheet is a PDF served outside /api; its round's page is a page.
    expect(securityHeaders(input, "/evaluations/e1/validation/r1/sheets/p1")["Content-Security-Policy"]).toBe(
      DOWNLOAD_CSP,
    );
    expect(securityHeaders(input, "/evaluations/e1/validation/r1")["Content-Security-Policy"]).toContain("script-src");
    expect(securityHeaders(input, "/evaluations/e1")["Content-Security-Policy"]).toContain("script-src");
    expect(securityHeaders(input, "/api/auth/callback/credentials")["Content-Security-Policy"]).toContain("script-src");
  });
});
