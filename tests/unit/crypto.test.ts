import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFingerprint, needsResealing, open, seal, SealError, type KeyRing } from "@/lib/crypto";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const ring: KeyRing = { current: oldKey, previous: [] };

describe("sealing secrets", () => {
  it("round-trips text, including non-Latin scripts", () => {
    const sealed = seal("María Hernández — Tlapa, Guerrero ñ 🌽", "respondent:r1:name", ring);
    expect(sealed).not.toContain("María");
    expect(open(sealed, "respondent:r1:name", ring)).toBe("María Hernández — Tlapa, Guerrero ñ 🌽");
  });

  it("never produces the same ciphertext twice", () => {
    expect(seal("x", "c", ring)).not.toBe(seal("x", "c", ring));
  });

  it("refuses a value moved to another record", () => {
    const sealed = seal("secret", "user:u1:totp", ring);
    expect(() => open(sealed, "user:u2:totp", ring)).toThrow(SealError);
  });

  it("refuses an altered value", () => {
    const sealed = seal("secret", "c", ring);
    const [v, f, payload] = sealed.split(".");
    const bytes = Buffer.from(payload!, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => open(`${v}.${f}.${bytes.toString("base64url")}`, "c", ring)).toThrow(SealError);
  });

  it("reads values of a previous key after rotation, and says they need re-sealing", () => {
    const sealed = seal("secret", "c", ring);
    const rotated: KeyRing = { current: newKey, previous: [oldKey] };
    expect(open(sealed, "c", rotated)).toBe("secret");
    expect(needsResealing(sealed, rotated)).toBe(true);
    expect(needsResealing(seal("secret", "c", rotated), rotated)).toBe(false);
    expect(() => open(sealed, "c", { current: newKey, previous: [] })).toThrow(new RegExp(keyFingerprint(oldKey)));
  });
});
