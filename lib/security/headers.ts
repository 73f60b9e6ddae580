/**
 * The security headers every response carries (see docs/decisions/0004-security-headers.md).
 * Pure apart from `createNonce`, so the policy is unit-tested without a server.
 */

/**
 * The policy of every file the app sends (evidence attachments, exports, the brief): nothing in it
 * loads or runs, and a browser that opens it anyway renders it in a sandbox of its own.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/**
 * Route handlers that send files. The proxy gives them the download policy, not the page policy:
 * a response header it sets replaces the one the route set, so the page's would win (issue 17).
 */
export function isDownloadPath(pathname: string): boolean {
  const path = pathname.replace(/\/{2,}/g, "/");
  // The validation sheets (PDF) are served beside their round's page, outside /api.
  return (
    /^\/api\/evaluations\//i.test(path) || /^\/evaluations\/[^/]+\/validation\/[^/]+\/sheets\/[^/]+\/?$/i.test(path)
  );
}

/** Pages, exports and API answers may hold respondents' data: no browser or shared cache keeps them. */
export const NO_STORE = "private, no-store";

/** 16 random bytes from Web Crypto, in base64: a fresh one for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyInput = {
  /** The request's nonce (base64). */
  nonce: string;
  /** `APP_BASE_URL`: HSTS and upgrade-insecure-requests only when it is https. */
  appBaseUrl: string;
  /** `next dev`: React's dev tooling needs eval, and dev CSS arrives in un-nonced style tags. */
  development: boolean;
};

function isHttps(appBaseUrl: string): boolean {
  return appBaseUrl.toLowerCase().startsWith("https://");
}

export function contentSecurityPolicy({ nonce, appBaseUrl, development }: PolicyInput): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts Next loads from its nonced bootstrap run; nothing else does.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // With a nonce present browsers ignore 'unsafe-inline', so dev gets 'unsafe-inline' without the nonce.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (isHttps(appBaseUrl)) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** Powerful features nothing in this app uses; a script that slips in cannot ask for them either. */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Every header the proxy puts on a response (not on `_next/static` files, which it never sees).
 * `pathname` picks the policy: the download policy for file routes, the page policy elsewhere.
 */
export function securityHeaders(input: PolicyInput, pathname = "/"): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": isDownloadPath(pathname) ? DOWNLOAD_CSP : contentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    // Not "no-referrer": under it browsers send `Origin: null` on same-origin form and fetch POSTs,
    // which would fail the origin checks (ours and Next's Server Action check).
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": NO_STORE,
  };
  // Over plain http (the local demo) HSTS is ignored at best, and would pin localhost at worst.
  if (isHttps(input.appBaseUrl)) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
