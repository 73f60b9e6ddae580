import { expect, type Page } from "@playwright/test";

/**
 * WCAG 1.4.10 (reflow): at 320 CSS px wide the page scrolls only up and down. A wide table may
 * scroll sideways inside its own region; the page itself never does. The viewport goes back to
 * what it was, so the journey carries on as before.
 */
export async function expectReflowAt320(page: Page, where: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
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
    if (before) await page.setViewportSize(before);
  }
}
