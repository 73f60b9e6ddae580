/**
 * `npm run bench:payload`: what a browser downloads to show a page. Prints figures; asserts nothing.
 * Needs a production build (`npm run build`).
 *
 * 1. First-load JavaScript of every page route, gzipped, from the build's manifests: the chunks
 *    every page loads (rootMainFiles) plus the entry chunks of the route's layouts, boundaries and
 *    page (its client-reference manifest), each file counted once.
 * 2. HTML of a few pages of the demo app (npm start on a fresh embedded database, signed in as the
 *    demo lead), raw and gzipped, with the gzipped size of the scripts the HTML itself asks for
 *    (a check on the figures of step 1).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { waitHealthy } from "./bench-app";
import { scratchDemoApp } from "./bench-demo-app";

const require = createRequire(import.meta.url);
const BUILD = path.resolve(".next");
const kB = (bytes: number) => (bytes / 1024).toFixed(1);

if (!existsSync(path.join(BUILD, "BUILD_ID"))) {
  console.error("Run `npm run build` first: this measures the build, it does not make one.");
  process.exit(1);
}

const gzipCache = new Map<string, number>();
/** Gzipped size of a file under .next/ (e.g. "static/chunks/x.js"), as a server with gzip sends it. */
function gzippedSize(file: string): number {
  const known = gzipCache.get(file);
  if (known !== undefined) return known;
  const size = gzipSync(readFileSync(path.join(BUILD, file))).length;
  gzipCache.set(file, size);
  return size;
}

type BuildManifest = { rootMainFiles: string[]; pagesChunkGroupBootstrapParams: Record<string, unknown> };
const buildManifest = JSON.parse(readFileSync(path.join(BUILD, "build-manifest.json"), "utf8")) as BuildManifest;

/** The chunks a route's first load asks for, from its client-reference manifest. */
function routeChunks(route: string): string[] {
  const file = path.join(BUILD, "server", "app", `${route}_client-reference-manifest.js`);
  const global = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  global.__RSC_MANIFEST = {};
  // The manifest is a script that assigns to a global; evaluating it is how Next itself reads it.
  new Function(readFileSync(file, "utf8"))();
  const manifest = global.__RSC_MANIFEST[route];
  if (!manifest) throw new Error(`No client-reference manifest for ${route}`);
  return [...new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
}

/** "/(app)/evaluations/[evaluationId]/stories/page" → "/evaluations/[evaluationId]/stories". */
function urlOf(route: string): string {
  return route.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
}

function firstLoadTable() {
  const routes = Object.keys(buildManifest.pagesChunkGroupBootstrapParams).filter(
    (route) => route.endsWith("/page") && !route.startsWith("/_"),
  );
  const rows = routes.map((route) => {
    const chunks = routeChunks(route);
    return {
      url: urlOf(route),
      chunks: chunks.length,
      bytes: chunks.reduce((sum, chunk) => sum + gzippedSize(chunk), 0),
    };
  });
  rows.sort((a, b) => b.bytes - a.bytes || a.url.localeCompare(b.url));
  const shared = buildManifest.rootMainFiles.reduce((sum, chunk) => sum + gzippedSize(chunk), 0);
  console.log(`\nFirst-load JavaScript per route (gzipped; ${kB(shared)} kB of it loaded by every page)`);
  console.log(`${"kB".padStart(7)}  chunks  route`);
  for (const row of rows) console.log(`${kB(row.bytes).padStart(7)}  ${String(row.chunks).padStart(6)}  ${row.url}`);
  const largest = rows[0];
  if (largest) console.log(`largest: ${kB(largest.bytes)} kB (${largest.url})`);
}

// ---- HTML of a running demo app ----

const port = Number(process.env.BENCH_PORT ?? 3230);
const base = `http://localhost:${port}`; // the origin the app expects (APP_BASE_URL)
const DEMO_PASSWORD = "msc-demo-2026";

/** A tiny cookie jar: next-auth answers with Set-Cookie on every step of the sign-in. */
class Cookies {
  private jar = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (at > 0) this.jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function signIn(email: string): Promise<Cookies> {
  const cookies = new Cookies();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header(), origin: base },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: DEMO_PASSWORD,
      callbackUrl: `${base}/evaluations`,
      json: "true",
    }),
  });
  cookies.take(response);
  if (!cookies.header().includes("session-token"))
    throw new Error(`Signing in as ${email} failed (${response.status}).`);
  return cookies;
}

async function page(url: string, cookies?: Cookies, language = "es") {
  const response = await fetch(`${base}${url}`, {
    headers: { cookie: cookies?.header() ?? "", "accept-language": language },
    redirect: "manual",
  });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return html;
}

function htmlRow(label: string, html: string) {
  // Modern browsers skip the noModule polyfills: they are not part of the first load.
  const tags = [...html.matchAll(/<script[^>]*\ssrc="\/_next\/([^"?]+)[^>]*>/g)].filter(
    (match) => !/nomodule/i.test(match[0]),
  );
  const scripts = [...new Set(tags.map((match) => match[1]!))];
  const js = scripts.reduce((sum, file) => sum + gzippedSize(file), 0);
  const raw = Buffer.byteLength(html);
  console.log(`${kB(raw).padStart(7)}  ${kB(gzipSync(html).length).padStart(7)}  ${kB(js).padStart(8)}  ${label}`);
}

async function htmlTable() {
  const { dataDir, env } = scratchDemoApp(port, "msc-bench-payload-");
  const app = spawn(
    process.execPath,
    [require.resolve("tsx/cli"), "--import", "./scripts/server-side.mjs", "scripts/start.ts"],
    {
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
      detached: true,
    },
  );
  // Stop the app however this script ends (Ctrl-C, a closed pipe), not only on the happy path.
  const stopApp = () => {
    try {
      process.kill(-app.pid!, "SIGTERM");
    } catch {
      // already stopped
    }
  };
  process.once("exit", stopApp);
  for (const signal of ["SIGINT", "SIGTERM", "SIGPIPE"] as const) process.once(signal, () => process.exit(1));
  try {
    await waitHealthy(base, 240_000);
    const lead = await signIn("lead@demo.example");
    const evaluations = await page("/evaluations", lead);
    const evaluationId = /href="\/evaluations\/([a-z0-9]{20,})"/.exec(evaluations)?.[1];
    if (!evaluationId) throw new Error("No evaluation linked from /evaluations.");
    const at = `/evaluations/${evaluationId}`;
    const selection = await page(`${at}/selection`, lead);
    const roundId = new RegExp(`href="${at}/selection/rounds/([a-z0-9]+)"`).exec(selection)?.[1];

    console.log("\nHTML of the demo app's pages (signed in as the demo lead; kB)");
    console.log(`${"raw".padStart(7)}  ${"gzipped".padStart(7)}  ${"JS (gz)".padStart(8)}  page`);
    htmlRow("/sign-in (signed out)", await page("/sign-in"));
    htmlRow("/evaluations", evaluations);
    htmlRow("overview (dashboard)", await page(at, lead));
    for (const list of ["respondents", "interviews", "focus-groups", "stories", "audit"])
      htmlRow(`${list} (list)`, await page(`${at}/${list}`, lead));
    htmlRow("selection", selection);
    if (roundId) htmlRow("selection round (chart)", await page(`${at}/selection/rounds/${roundId}`, lead));
    htmlRow("respondents/new (form, es)", await page(`${at}/respondents/new`, lead, "es"));
    htmlRow("stories/new (form, en)", await page(`${at}/stories/new`, lead, "en"));
  } finally {
    stopApp();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `load average: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ")}`,
);
firstLoadTable();
if (!process.argv.includes("--no-html")) await htmlTable();
