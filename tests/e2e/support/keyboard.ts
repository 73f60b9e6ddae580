import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Presses Tab until `target` has the focus, as a keyboard user moves through the page; fails when
 * `limit` presses do not reach it (the control is missing from the tab order, or too far down it).
 */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
