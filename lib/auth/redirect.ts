/** The landing (app/page.tsx): a panelist's only pending ballot, or the evaluation list. */
export const DEFAULT_AFTER_SIGN_IN = "/";

const PROBE_ORIGIN = "http://app.invalid";

/**
 * `value` when it is a path inside this app, else the landing. Guards the sign-in
 * `callbackUrl` against open redirects: `//host`, `/\host`, `https://…`, `javascript:…`, and
 * control characters (browsers drop tabs and newlines, turning `/\t/host` into `//host`).
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  try {
    // Whatever a browser would make of it must stay on this origin.
    if (new URL(value, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return DEFAULT_AFTER_SIGN_IN;
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  return value;
}
