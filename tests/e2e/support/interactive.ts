import { expect, type Locator } from "@playwright/test";

/**
 * Waits until the page's script has taken over this control, as a person waits for a page to
 * respond. A page reached by a full load (goto, reload, a link followed before the page that had
 * it was ready) shows its server-rendered buttons and fields before React hydrates them; a press
 * or a drag in that moment does nothing, and typing is lost. React marks each element it has
 * hydrated with its props (`__reactProps$…`), which is what this looks for.
 */
export async function expectInteractive(control: Locator): Promise<void> {
  await expect(control).toBeAttached();
  await expect
    .poll(() => control.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps$"))), {
      message: "the page's script has taken over the control",
    })
    .toBe(true);
}
