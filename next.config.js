import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

/** The one statement of how large a request may be (lib/request-limits.json; the app's checks read it too). */
const limits = JSON.parse(readFileSync(new URL("./lib/request-limits.json", import.meta.url), "utf8"));
const requestLimit = `${limits.requestMegabytes}mb`;

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/**
 * next-intl's format-only formatter in place of the full one, everywhere in the bundle: it formats
 * messages compiled once per process (lib/i18n/catalogue.ts) instead of parsing them on every
 * request, and leaves intl-messageformat out of the browser's code. Turbopack wants the alias
 * relative to the project.
 */
const projectDir = path.dirname(fileURLToPath(import.meta.url));
const formatOnly = `./${path.relative(projectDir, createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or WebAssembly parts are loaded from node_modules as they are.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pino",
    "pdfkit",
    "@resvg/resvg-js",
  ],
  typedRoutes: false,
  turbopack: { resolveAlias: { "use-intl/format-message": formatOnly } },
  experimental: {
    // Interview and focus-group forms send a transcript and its translation (500,000 UTF-16 code
    // units each, up to 2 bytes per unit in UTF-8 plus JSON escaping) in one server action.
    // Imports send a KoboToolbox/ODK export of up to `importMegabytes` plus the multipart framing
    // of the action's other arguments; evidence attachments are up to `uploadMegabytes`.
    serverActions: { bodySizeLimit: requestLimit },
    // The proxy (proxy.ts) buffers each request body, 10 MB by default: a larger body reached the
    // action cut short ("Unexpected end of form"), so the same limit applies there.
    proxyClientMaxBodySize: requestLimit,
  },
  // The proxy (which sets the security headers) does not run for built static files.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
