import { expect, type Page } from "@playwright/test";

/**
 * WCAG 1.4.10 (reflow): at 320 CSS px wide the page scrolls only up and down. A wide table may
 * scroll sideways inside its own region; the page itself never does. The viewport goes back to
 * what it was, so the journey carries on as before. With `textSpacing`, the check is made with the
 * text spacing of WCAG 1.4.12 applied (a style sheet built in the page, which the CSP allows, and
 * taken away afterwards).
 */
export async function expectReflowAt320(
  page: Page,
  where: string,
  { textSpacing = false }: { textSpacing?: boolean } = {},
): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  if (textSpacing) {
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(
        "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }" +
          " p { margin-bottom: 2em !important }",
      );
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
  }
  try {
    const widths = () =>
      page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
    // One layout pass after the resize; a page that really is too wide stays too wide.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { scroll, client } = await widths();
    expect(scroll, `${where}: at 320 px the page is ${scroll} px wide`).toBeLessThanOrEqual(client);
  } finally {
    if (textSpacing)
      await page.evaluate(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.slice(0, -1)));
    if (before) await page.setViewportSize(before);
  }
}
