import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

type AxeOptions = {
  /** Also axe's best-practice rules (heading order, unique landmarks, scrollable regions…). */
  bestPractice?: boolean;
};

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violationsOn(page: Page, options: AxeOptions) {
  // Next streams a dynamic page's metadata: wait for its <title> before judging the document.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(options.bestPractice ? [...WCAG, "best-practice"] : WCAG)
    .analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** WCAG 2.1 A and AA, as axe-core checks them; `where` names the page in the failure. */
export async function expectNoAxeViolations(page: Page, where: string, options: AxeOptions = {}) {
  let violations = await violationsOn(page, options);
  // A refresh after a save (router.refresh) streams the page's metadata again, and for a moment the
  // document may have no <title>. A page that truly lacks one fails the second look as well.
  if (violations.some((violation) => violation.rule === "document-title")) {
    await page.waitForLoadState("networkidle");
    violations = await violationsOn(page, options);
  }
  expect(violations, `axe on ${where}`).toEqual([]);
}
