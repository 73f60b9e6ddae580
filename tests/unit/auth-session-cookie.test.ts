/**
 * The session cookie is read as next-auth's own session handler reads it (lib/auth/session.ts):
 * the same cookie name (with __Secure- on https), its chunks joined in order, the JWT decrypted
 * with the app's secret and its expiry checked. Whatever it says, the session row decides
 * (current-user.ts, stubbed here to see the claim it is given).
 */
import hkdf from "@panva/hkdf";
import { EncryptJWT } from "jose";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SECRET = "s".repeat(44);
const jar = vi.hoisted(() => ({ cookies: [] as Array<{ name: string; value: string }> }));
const claims = vi.hoisted(() => [] as unknown[]);

vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar.cookies }) }));
vi.mock("@/lib/auth/options", () => ({ getAuthOptions: () => ({ secret: SECRET }) }));
vi.mock("@/lib/auth/current-user", () => ({
  resolveCurrentUser: async (claim: unknown) => {
    claims.push(claim);
    return null;
  },
}));

const token = (secret = SECRET, maxAge?: number) =>
  encode({ token: { sub: "user-1", sid: "session-1", name: "A", email: "a@example.org" }, secret, maxAge });

async function claimFor(cookies: Array<{ name: string; value: string }>) {
  jar.cookies = cookies;
  claims.length = 0;
  const { getCurrentUser } = await import("@/lib/auth/session");
  await getCurrentUser();
  return claims[0];
}

const nobody = { sessionId: undefined, userId: undefined };

describe("the session cookie", () => {
  beforeEach(() => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("names the session row and the user it was issued to", async () => {
    expect(await claimFor([{ name: "next-auth.session-token", value: await token() }])).toEqual({
      sessionId: "session-1",
      userId: "user-1",
    });
  });

  it("joins a cookie sent in chunks, in their order", async () => {
    const whole = await token();
    const cut = Math.floor(whole.length / 2);
    expect(
      await claimFor([
        { name: "next-auth.session-token.1", value: whole.slice(cut) },
        { name: "next-auth.session-token.0", value: whole.slice(0, cut) },
      ]),
    ).toEqual({ sessionId: "session-1", userId: "user-1" });
  });

  it("reads the __Secure- cookie, and only it, when the app's URL is https", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://msc.example.org");
    const value = await token();
    expect(await claimFor([{ name: "__Secure-next-auth.session-token", value }])).toMatchObject({ userId: "user-1" });
    expect(await claimFor([{ name: "next-auth.session-token", value }])).toEqual(nobody);
  });

  it("names no one for no cookie, another secret's token, a tampered one, or an expired one", async () => {
    const good = await token();
    for (const value of [
      null,
      await token("o".repeat(44)),
      `${good.slice(0, -4)}AAAA`,
      "not a token",
      await token(SECRET, -60),
    ]) {
      expect(await claimFor(value === null ? [] : [{ name: "next-auth.session-token", value }])).toEqual(nobody);
    }
  });

  it("reads only what next-auth writes: the key used directly with AES-256-GCM", async () => {
    const key = await hkdf("sha256", SECRET, "", "NextAuth.js Generated Encryption Key", 32);
    const sealed = (alg: string, enc: string) =>
      new EncryptJWT({ sub: "user-1", sid: "session-1" })
        .setProtectedHeader({ alg, enc })
        .setIssuedAt()
        .setExpirationTime("1h")
        .encrypt(key);
    const cookie = async (alg: string, enc: string) => [
      { name: "next-auth.session-token", value: await sealed(alg, enc) },
    ];
    expect(await claimFor(await cookie("dir", "A256GCM"))).toEqual({ sessionId: "session-1", userId: "user-1" });
    // The same key fits these too; a cookie made with them was not made by the app.
    expect(await claimFor(await cookie("A256KW", "A256GCM"))).toEqual(nobody);
    expect(await claimFor(await cookie("dir", "A128CBC-HS256"))).toEqual(nobody);
  });
});
