import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { signInSchema, totpCodeSchema } from "@/lib/auth/schema";
import {
  candidateSteps,
  generateTotpSecret,
  matchTotpCode,
  normalizeTotpCode,
  totpCodeAt,
  totpStep,
  totpUri,
} from "@/lib/auth/totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = new Date("2026-03-01T12:00:10Z");
const step = totpStep(now);

describe("TOTP time steps", () => {
  it("uses 30-second steps from the Unix epoch", () => {
    expect(totpStep(new Date(0))).toBe(0);
    expect(totpStep(new Date(29_999))).toBe(0);
    expect(totpStep(new Date(30_000))).toBe(1);
    expect(step).toBe(Math.floor(now.getTime() / 30_000));
  });

  it("matches what an authenticator app computes (RFC 6238, SHA-1, 6 digits)", () => {
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
    expect(totpCodeAt(secret, step)).toBe(app.generate({ timestamp: now.getTime() }));
    // RFC 6238 appendix B, SHA-1 seed "12345678901234567890", T = 59 s → 94287082 (8 digits) → 287082
    const rfcSecret = Secret.fromLatin1("12345678901234567890").base32;
    expect(totpCodeAt(rfcSecret, totpStep(new Date(59_000)))).toBe("287082");
  });

  it("offers the step before, the current step and the step after", () => {
    expect(candidateSteps(100, null)).toEqual([99, 100, 101]);
  });

  it("never offers a step at or before the last one used", () => {
    expect(candidateSteps(100, 99)).toEqual([100, 101]);
    expect(candidateSteps(100, 100)).toEqual([101]);
    expect(candidateSteps(100, 101)).toEqual([]);
    expect(candidateSteps(100, 500)).toEqual([]);
  });
});

describe("matchTotpCode", () => {
  it("accepts the current code and the codes one step either side, and says which step it was", () => {
    expect(matchTotpCode(secret, totpCodeAt(secret, step), now, null)).toBe(step);
    expect(matchTotpCode(secret, totpCodeAt(secret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotpCode(secret, totpCodeAt(secret, step + 1), now, null)).toBe(step + 1);
  });

  it("refuses codes two steps away", () => {
    for (const other of [step - 2, step + 2]) {
      const code = totpCodeAt(secret, other);
      // Skip the one-in-a-million case where two steps share a code.
      if ([step - 1, step, step + 1].some((near) => totpCodeAt(secret, near) === code)) continue;
      expect(matchTotpCode(secret, code, now, null)).toBeNull();
    }
  });

  it("refuses a code a second time (replay) and an older code after a newer one", () => {
    const current = totpCodeAt(secret, step);
    const used = matchTotpCode(secret, current, now, null);
    expect(used).toBe(step);
    expect(matchTotpCode(secret, current, now, used)).toBeNull();
    // 20 seconds later, still in the window: still refused.
    expect(matchTotpCode(secret, current, new Date(now.getTime() + 20_000), used)).toBeNull();
    expect(matchTotpCode(secret, totpCodeAt(secret, step - 1), now, used)).toBeNull();
    expect(matchTotpCode(secret, totpCodeAt(secret, step + 1), now, used)).toBe(step + 1);
  });

  it("refuses a code made with another secret", () => {
    const other = generateTotpSecret();
    const code = totpCodeAt(other, step);
    if ([step - 1, step, step + 1].some((near) => totpCodeAt(secret, near) === code)) return;
    expect(matchTotpCode(secret, code, now, null)).toBeNull();
  });

  it.each([undefined, null, 123456, "", "12345", "1234567", "abcdef", "12345a", "<script>", "1".repeat(100)])(
    "refuses malformed input %j",
    (input) => {
      expect(matchTotpCode(secret, input, now, null)).toBeNull();
    },
  );

  it("ignores spaces and dashes people type", () => {
    const code = totpCodeAt(secret, step);
    expect(normalizeTotpCode(` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(code);
    expect(normalizeTotpCode(`${code.slice(0, 3)}-${code.slice(3)}`)).toBe(code);
    expect(matchTotpCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });
});

describe("secrets and schemas", () => {
  it("makes 20-byte base32 secrets, different each time", () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it("puts the secret, issuer, 6 digits and 30 s in the otpauth address", () => {
    const uri = new URL(totpUri(secret, "lead@demo.example"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("MSC Evaluations");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });

  it("reads the sign-in code as optional, six digits when present", () => {
    const base = { email: "a@b.example", password: "x" };
    expect(signInSchema.parse(base).code).toBeUndefined();
    expect(signInSchema.parse({ ...base, code: "" }).code).toBe("");
    expect(signInSchema.parse({ ...base, code: "123 456" }).code).toBe("123456");
    expect(signInSchema.safeParse({ ...base, code: "12345" }).success).toBe(false);
    expect(signInSchema.safeParse({ ...base, code: 123456 }).success).toBe(false);
  });

  it("reads the account pages' code as six digits", () => {
    expect(totpCodeSchema.parse("123-456")).toBe("123456");
    for (const bad of ["", "12345", "abcdef", "1".repeat(40), null])
      expect(totpCodeSchema.safeParse(bad).success, String(bad)).toBe(false);
  });
});
