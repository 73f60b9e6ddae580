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

/**
 * Opens the sign-in page with no destination, signs in and waits for where a member lands unless a
 * ballot is all they have waiting: the list of their evaluations.
 */
export async function signInToList(
  page: Page,
  email: string,
  password: string,
  language: keyof typeof LABELS = "es",
): Promise<void> {
  await page.goto("/sign-in");
  await signIn(page, email, password, language);
  await expect(page).toHaveURL(/\/evaluations$/);
}

/** From the list of evaluations, opens the one named `name` and waits for its overview; returns its path. */
export async function openListedEvaluation(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Signs in and opens the evaluation named `name` from the list, as a member walks there; returns
 * its path. How a spec starts on its own copy of the demo, known by name only.
 */
export async function signInToEvaluation(
  page: Page,
  name: string,
  email: string,
  password: string,
  language: keyof typeof LABELS = "es",
): Promise<string> {
  await signInToList(page, email, password, language);
  return openListedEvaluation(page, name);
}
