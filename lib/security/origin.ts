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
 * The origins the app answers changes from: APP_BASE_URL's, and in the embedded demo also the
 * addresses it listens on (the launcher lists them in DEMO_ORIGINS), so the demo works when
 * opened at 127.0.0.1 or from a colleague's machine. Production accepts APP_BASE_URL's alone.
 */
export function acceptedOrigins(env: { APP_BASE_URL: string; DEMO_MODE?: string; DEMO_ORIGINS?: string }): string[] {
  const base = originOf(env.APP_BASE_URL);
  const demo =
    env.DEMO_MODE === "true" ? (env.DEMO_ORIGINS ?? "").split(",").map((entry) => originOf(entry.trim())) : [];
  return [...new Set([base, ...demo].filter((origin): origin is string => origin !== null))];
}

/** The request's origin as its headers state it: `Origin`, else `Referer`'s; null when neither says. */
export function requestOrigin(headers: HeaderSource): string | null {
  const origin = headers.get("origin");
  // Present but "null" (sandboxed frames, privacy redirects) is a refusal, whatever Referer says.
  if (origin !== null) return originOf(origin.trim()) ?? "null";
  const referer = headers.get("referer");
  return referer !== null ? (originOf(referer.trim()) ?? "null") : null;
}

/**
 * True when the request says it comes from one of `accepted` (an APP_BASE_URL, or the list from
 * `acceptedOrigins`): its `Origin` header, or its `Referer` when there is no `Origin`. Neither →
 * false (refuse): every browser we support sends `Origin` on POST, so only hand-made requests lack both.
 */
export function isSameOrigin(headers: HeaderSource, accepted: string | readonly string[]): boolean {
  const expected = (typeof accepted === "string" ? [accepted] : accepted)
    .map(originOf)
    .filter((origin) => origin !== null);
  const origin = requestOrigin(headers);
  return origin !== null && expected.includes(origin);
}

/**
 * What a refused request is told (and the log records): where the app answers, and what to set
 * to use it from the address the request came from.
 */
export function originRefusal(origin: string | null, appBaseUrl: string): string {
  const expected = originOf(appBaseUrl) ?? appBaseUrl;
  const from = origin && origin !== "null" ? origin : "a page that did not say its address";
  return `Refused a change sent from ${from}: this app accepts them only from ${expected} (APP_BASE_URL). Open the app at ${expected}, or set APP_BASE_URL to the address people use${origin && origin !== "null" ? ` (${origin})` : ""} and restart it.`;
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
