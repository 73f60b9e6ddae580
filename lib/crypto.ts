/**
 * Authenticated encryption (AES-256-GCM) for secrets at rest: respondent identities, TOTP
 * secrets. The key comes from IDENTITY_ENCRYPTION_KEY; each sealed value names the key that
 * sealed it (a short fingerprint), so keys can be rotated: values sealed with an older key stay
 * readable while IDENTITY_ENCRYPTION_KEY_PREVIOUS holds it, and are re-sealed with the new one.
 *
 * `context` is bound into the ciphertext as associated data (e.g. "user:<id>:totp"): a value
 * copied into another row or field does not decrypt.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

export type KeyRing = { current: Buffer; previous: Buffer[] };

export function keyFingerprint(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("An encryption key must be 32 bytes in base64.");
  return key;
}

/** The ring from the environment: the current key and any previous ones (comma-separated). */
export function keyRingFromEnv(env: Record<string, string | undefined> = process.env): KeyRing {
  const current = env.IDENTITY_ENCRYPTION_KEY;
  if (!current) throw new Error("IDENTITY_ENCRYPTION_KEY is not set.");
  const previous = (env.IDENTITY_ENCRYPTION_KEY_PREVIOUS ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
    .map(decodeKey);
  return { current: decodeKey(current), previous };
}

/** "v1.<key fingerprint>.<iv|tag|ciphertext in base64url>" */
export function seal(plaintext: string, context: string, ring: KeyRing = keyRingFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const payload = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  return `${VERSION}.${keyFingerprint(ring.current)}.${payload}`;
}

export class SealError extends Error {}

export function open(sealed: string, context: string, ring: KeyRing = keyRingFromEnv()): string {
  const [version, fingerprint, payload] = sealed.split(".");
  if (version !== VERSION || !fingerprint || !payload) throw new SealError("Not a sealed value.");
  const key = [ring.current, ...ring.previous].find((candidate) => keyFingerprint(candidate) === fingerprint);
  if (!key) throw new SealError(`No key with fingerprint ${fingerprint} is configured.`);
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealError("The value was altered, or sealed for another record.");
  }
}

/** True when the value was sealed with an older key and should be re-sealed. */
export function needsResealing(sealed: string, ring: KeyRing = keyRingFromEnv()): boolean {
  return sealed.split(".")[1] !== keyFingerprint(ring.current);
}
