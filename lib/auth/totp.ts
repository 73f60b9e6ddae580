/**
 * TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, 20-byte
 * secrets. Pure apart from the random secret, so the step and replay rules are unit-tested.
 */
import { timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one, for clock drift and slow typing. */
export const TOTP_WINDOW = 1;
const ALGORITHM = "SHA1";
const ISSUER = "MSC Evaluations";

/** Binds a sealed secret to its user (lib/crypto.ts): copied into another user's row it does not open. */
export function totpSealContext(userId: string): string {
  return `user:${userId}:totp`;
}

/** A new 20-byte secret in base32, as shown for manual entry. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address the QR code carries. */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The time step `now` falls in: whole periods since the Unix epoch. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The steps a code may come from at `currentStep`: the window around it, minus every step at or
 * before the last one accepted, so no code (and no older code) is ever accepted twice.
 */
export function candidateSteps(currentStep: number, lastUsedStep: number | null): number[] {
  const steps: number[] = [];
  for (let step = currentStep - TOTP_WINDOW; step <= currentStep + TOTP_WINDOW; step += 1) {
    if (lastUsedStep === null || step > lastUsedStep) steps.push(step);
  }
  return steps;
}

/** "123 456" → "123456"; null unless exactly six digits remain. */
export function normalizeTotpCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 32) return null;
  const code = raw.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

export function totpCodeAt(secretBase32: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    counter: step,
  });
}

/**
 * The step whose code `code` is, among the steps still allowed; null when it is none of them.
 * The caller must then record that step as used in the same write that relies on it.
 */
export function matchTotpCode(
  secretBase32: string,
  code: unknown,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const normalized = normalizeTotpCode(code);
  if (!normalized) return null;
  const given = Buffer.from(normalized);
  for (const step of candidateSteps(totpStep(now), lastUsedStep)) {
    if (timingSafeEqual(Buffer.from(totpCodeAt(secretBase32, step)), given)) return step;
  }
  return null;
}
