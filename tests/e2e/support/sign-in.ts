import { expect, type Page } from "@playwright/test";
import { expectInteractive } from "./interactive";

const LABELS = {
  es: { email: "Correo electrónico", password: "Contraseña", submit: "Iniciar sesión" },
  en: { email: "E-mail address", password: "Password", submit: "Sign in" },
} as const;

/** Fills in the sign-in form on the page, submits it and waits for the server's answer (not for the next page). */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  language: keyof typeof LABELS = "es",
): Promise<void> {
  const labels = LABELS[language];
  // Typed before the form is live, the values would be lost and the press would reload the page.
  await expectInteractive(page.getByRole("button", { name: labels.submit }));
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: labels.submit }).click();
  await answered;
}

/**
 * Opens the sign-in page on its way to `path`, signs in and waits for `path` itself: how a spec
 * starts on a page of its own evaluation without walking there.
 */
export async function signInAt(
  page: Page,
  path: string,
  email: string,
  password: string,
  language: keyof typeof LABELS = "es",
): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await signIn(page, email, password, language);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
}
