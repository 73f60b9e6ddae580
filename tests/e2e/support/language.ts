import { expect, type Page } from "@playwright/test";
import { expectInteractive } from "./interactive";

/**
 * Switches the interface to `language` with its button in the header, once the button is live, and
 * waits until the page says it is the current one; nothing to do when it already is.
 */
export async function chooseLanguage(page: Page, language: "English" | "Español"): Promise<void> {
  const button = page.getByRole("button", { name: language });
  if ((await button.getAttribute("aria-current")) === "true") return;
  await expectInteractive(button);
  await button.click();
  await expect(page.getByRole("button", { name: language })).toHaveAttribute("aria-current", "true");
}
