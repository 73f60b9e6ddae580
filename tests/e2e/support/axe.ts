import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * WCAG 2.1 A and AA plus axe's best-practice rules (heading order, unique landmarks, scrollable
 * regions…), on every page of every spec: issue 18 found its moderate issues only with the latter.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function violationsOn(page: Page) {
  // Next streams a dynamic page's metadata: wait for its <title> before judging the document.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** No axe violation on the page as it is now; `where` names the page in the failure. */
export async function expectNoAxeViolations(page: Page, where: string) {
  let violations = await violationsOn(page);
  // A refresh after a save (router.refresh) streams the page's metadata again, and for a moment the
  // document may have no <title>. A page that truly lacks one fails the second look as well.
  if (violations.some((violation) => violation.rule === "document-title")) {
    await page.waitForLoadState("networkidle");
    violations = await violationsOn(page);
  }
  expect(violations, `axe on ${where}`).toEqual([]);
}
