/**
 * Respondent identities reach no one who may not see them: every page, and every page's React
 * Server Components payload, that a reviewer, a panelist or an analyst can reach is fetched and
 * searched for the demo's sealed identity values. Leads and evaluators see an identity only when
 * they ask for it on the respondent's page (the control case, which proves the values exist).
 * The crawl stays in this spec's own copy of the demo: the demo people are members of every
 * other spec's copy too, and a crawl that wandered into them would cover less of this one, and
 * a different part of it depending on which specs ran before.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectInteractive } from "./support/interactive";
import { signInToList } from "./support/sign-in";
import { copyOfDemo } from "./support/world";

test.use({ locale: "es-MX" });
// A crawl fetches up to 80 pages twice (HTML and flight payload); the app now has that many pages
// for some roles, and each takes a few hundred milliseconds on a two-core machine.
test.describe.configure({ timeout: 240_000 });

const PASSWORD = "msc-demo-2026";
// Every demo respondent's identity (prisma/seed/demo.ts): name "Persona Ficticia R-00NN".
const IDENTITY_VALUES = ["Persona Ficticia", "Comunidad ficticia", "+52 55 0000 0000"];
const MAX_PAGES = 80;

let evaluationPath: string;

test.beforeAll(async () => {
  evaluationPath = `/evaluations/${(await copyOfDemo("Evaluación de prueba: identidades")).id}`;
});

/** This app's pages outside any evaluation, and this spec's evaluation's pages. */
function inScope(path: string): boolean {
  return (
    !path.startsWith("/evaluations/") ||
    path === evaluationPath ||
    path.startsWith(`${evaluationPath}/`) ||
    path.startsWith(`${evaluationPath}?`)
  );
}

async function signedIn(page: Page, email: string) {
  await signInToList(page, email, PASSWORD);
}

/** Follows this app's links in scope breadth-first from /evaluations; returns every body fetched. */
async function crawl(page: Page): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ["/evaluations"];
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const html = await (await page.request.get(path)).text();
    // The flight payload a client navigation would receive.
    const flight = await (await page.request.get(path, { headers: { RSC: "1" } })).text();
    seen.set(path, `${html}\n${flight}`);
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, "&");
      if (link.startsWith("/_next") || link.startsWith("/api/auth") || seen.has(link) || !inScope(link)) continue;
      queue.push(link);
    }
  }
  return seen;
}

for (const email of [
  "reviewer@demo.example",
  "panelist@demo.example",
  "analyst@demo.example",
  "evaluator@demo.example",
  "lead@demo.example",
]) {
  test(`no identity value in any page or payload reachable by ${email}`, async ({ page }) => {
    await signedIn(page, email);
    const bodies = await crawl(page);
    expect(bodies.has(evaluationPath), "the crawl reached this spec's evaluation").toBe(true);
    for (const [path, body] of bodies) {
      for (const value of IDENTITY_VALUES) expect(body.includes(value), `${value} in ${path}`).toBe(false);
    }
  });
}

test("the control case: a lead who asks for an identity on the respondent's page sees it", async ({ page }) => {
  await signedIn(page, "lead@demo.example");
  const respondentPage = [...(await crawl(page)).keys()].find((path) => /\/respondents\/(?!new$)[a-z0-9]+$/.test(path));
  expect(respondentPage, "a respondent page reachable by links").toBeDefined();
  await page.goto(respondentPage!);
  const identity = page.getByRole("region", { name: "Identidad" });
  await expectInteractive(identity.getByRole("button", { name: "Mostrar identidad" }));
  await identity.getByRole("button", { name: "Mostrar identidad" }).click();
  await expect(identity).toContainText("Persona Ficticia");
});
