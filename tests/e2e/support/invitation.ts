/**
 * A new member joining an evaluation as people do: the lead creates an invitation on the members
 * page, and the invitee follows the one-time link in a Mexican browser of their own, chooses a
 * password and signs in. Specs that need a member of their own (an analyst, a panelist) use this;
 * admin.spec.ts proves the invitation pages themselves, by keyboard and with axe.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { expectInteractive } from "./interactive";
import { signIn } from "./sign-in";

const MEMBERS_PAGE = {
  en: { create: "Create invitation", email: "E-mail address", roles: "Roles", link: "One-time link" },
  es: {
    create: "Crear invitación",
    email: "Correo electrónico",
    roles: "Roles asignados",
    link: "Enlace de un solo uso",
  },
} as const;

const INVITEE_PASSWORD = "una contraseña larga";

/**
 * The lead, signed in on `lead` in `language`, invites `address` with one role (its label on the
 * page); returns the one-time link's path.
 */
export async function inviteMember(
  lead: Page,
  evaluationPath: string,
  invitation: { address: string; role: string },
  language: keyof typeof MEMBERS_PAGE,
): Promise<string> {
  const labels = MEMBERS_PAGE[language];
  await lead.goto(`${evaluationPath}/members`);
  await expectInteractive(lead.getByRole("button", { name: labels.create }));
  await lead.getByRole("textbox", { name: labels.email }).fill(invitation.address);
  await lead.getByRole("group", { name: labels.roles }).getByRole("checkbox", { name: invitation.role }).check();
  await lead.getByRole("button", { name: labels.create }).click();
  const link = new URL(await lead.getByRole("textbox", { name: labels.link }).inputValue());
  return `${link.pathname}${link.search}`;
}

/** The invitee follows the link in a Mexican browser, joins under `name` and signs in; returns their page. */
export async function joinAndSignIn(
  browser: Browser,
  baseURL: string | undefined,
  linkPath: string,
  invitee: { address: string; name: string },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "es-MX" });
  const page = await context.newPage();
  await page.goto(linkPath);
  await expectInteractive(page.getByRole("button", { name: "Unirme a la evaluación" }));
  await page.getByLabel("Su nombre completo").fill(invitee.name);
  await page.getByLabel("Contraseña", { exact: true }).fill(INVITEE_PASSWORD);
  await page.getByLabel("Repita la contraseña").fill(INVITEE_PASSWORD);
  await page.getByRole("button", { name: "Unirme a la evaluación" }).click();
  await expect(page.getByRole("heading", { name: "Le damos la bienvenida al equipo" })).toBeVisible();
  await page.getByRole("link", { name: "Iniciar sesión" }).click();
  await signIn(page, invitee.address, INVITEE_PASSWORD);
  await expect(page).toHaveURL(/\/evaluations(\/[a-z0-9]+)?$/);
  return page;
}
