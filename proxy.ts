/**
 * Security headers, the CSP nonce and the origin check for route handlers. Not an authorization
 * boundary: pages, loaders and actions check the user on their own (proxies can be bypassed).
 */
import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";
import { logger } from "@/lib/logger";
import { acceptedOrigins, isSameOrigin, needsOriginCheck, originRefusal, requestOrigin } from "@/lib/security/origin";

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const env = serverEnv();
  const appBaseUrl = env.APP_BASE_URL;
  const nonce = createNonce();
  const headers = securityHeaders(
    { nonce, appBaseUrl, development: process.env.NODE_ENV === "development" },
    request.nextUrl.pathname,
  );

  if (
    needsOriginCheck(request.method, request.nextUrl.pathname) &&
    !isSameOrigin(request.headers, acceptedOrigins(env))
  ) {
    // Said plainly, to the caller and in the log: a generic 403 left people guessing (issue 17).
    const message = originRefusal(requestOrigin(request.headers), appBaseUrl);
    logger.warn({ path: request.nextUrl.pathname }, message);
    return withHeaders(
      NextResponse.json({ error: "FORBIDDEN", reason: "ORIGIN_NOT_ACCEPTED", message }, { status: 403 }),
      headers,
    );
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts; a client
  // cannot choose it, since both headers are overwritten here.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  requestHeaders.delete("content-security-policy-report-only");
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Everything but build assets, which are immutable and carry no data.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
