import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with native or WebAssembly parts are loaded from node_modules as they are.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg", "pino", "pdfkit"],
  typedRoutes: false,
  experimental: {
    // Interview and focus-group forms send a transcript and its translation (500,000 UTF-16 code
    // units each, up to 2 bytes per unit in UTF-8 plus JSON escaping) in one server action.
    // Imports send a KoboToolbox/ODK export of up to 20 MB (lib/imports/limits.ts) plus the
    // multipart framing of the action's other arguments; evidence attachments are up to 10 MB.
    serverActions: { bodySizeLimit: "21mb" },
  },
  // The proxy (which sets the security headers) does not run for built static files.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
