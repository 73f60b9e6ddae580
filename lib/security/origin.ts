/**
 * Cross-site request refusal for route handlers (CSRF, scenario 19). Server Actions have Next's
 * own Origin/Host check; route handlers (next-auth's sign-in and sign-out POSTs) have only this.
 */

type HeaderSource = Pick<Headers, "get">;

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    // Only web origins; "null", "data:", "file:" and the like are never ours.
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * True when the request says it comes from `appBaseUrl`'s origin: its `Origin` header, or its
 * `Referer` when there is no `Origin`. Neither → false (refuse): every browser we support sends
 * `Origin` on POST, so only hand-made requests lack both.
 */
export function isSameOrigin(headers: HeaderSource, appBaseUrl: string): boolean {
  const expected = originOf(appBaseUrl);
  if (!expected) return false;
  const origin = headers.get("origin");
  // Present but "null" (sandboxed frames, privacy redirects) is a refusal, whatever Referer says.
  if (origin !== null) return originOf(origin.trim()) === expected;
  const referer = headers.get("referer");
  if (referer !== null) return originOf(referer.trim()) === expected;
  return false;
}

/** `/api/…` as the router will see it: percent-decoded, repeated slashes collapsed. */
function isApiPath(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true; // undecodable: check it rather than guess
  }
  const normalized = decoded.replace(/\/{2,}/g, "/").toLowerCase();
  return normalized === "/api" || normalized.startsWith("/api/");
}

/** State-changing requests to route handlers get the origin check; reads do not. */
export function needsOriginCheck(method: string, pathname: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase()) && isApiPath(pathname);
}
