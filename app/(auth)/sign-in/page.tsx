import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { serverEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { acceptedOrigins } from "@/lib/security/origin";
// Shown only when DEMO_MODE is "true": these accounts exist (with this password) only then.
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect(destination);

  const t = await getTranslations();
  const env = serverEnv();
  const demoMode = env.DEMO_MODE === "true";
  // Opened at an address the app does not accept changes from, signing in would fail: say so
  // before the form is tried, with what to open or set instead (lib/security/origin.ts). The
  // request's own Host is never echoed: a forged one must not reach the page (scenario 9).
  const host = (await headers()).get("host");
  const expected = new URL(env.APP_BASE_URL);
  const current =
    host && URL.canParse(`${expected.protocol}//${host}`) ? new URL(`${expected.protocol}//${host}`).origin : null;
  const refused = current !== null && !acceptedOrigins(env).includes(current);

  return (
    <>
      <PageHeader title={t("signIn.title")} description={t("signIn.intro")} />
      {refused ? (
        <section className="notice" role="alert" aria-labelledby="wrong-address-title">
          <h2 id="wrong-address-title" className="notice__title">
            {t("signIn.wrongAddressTitle")}
          </h2>
          <p>{t("signIn.wrongAddress", { expected: expected.origin })}</p>
        </section>
      ) : null}
      <SignInForm callbackUrl={destination} />
      {demoMode ? (
        <section className="notice" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title" className="notice__title">
            {t("signIn.demo.title")}
          </h2>
          <p>{t("signIn.demo.intro")}</p>
          <p>
            {t("signIn.demo.passwordLabel")} <code className="code">{DEMO_PASSWORD}</code>
          </p>
          <table className="table table--compact">
            <caption className="visually-hidden">{t("signIn.demo.accountsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("signIn.demo.emailColumn")}</th>
                <th scope="col">{t("signIn.demo.roleColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {DEMO_USERS.map((account) => (
                <tr key={account.email}>
                  <td>
                    <code className="code">{account.email}</code>
                  </td>
                  <td>{account.role === "ADMIN" ? t("signIn.demo.admin") : t(`roles.${account.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
