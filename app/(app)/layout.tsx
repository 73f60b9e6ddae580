import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * Shell for signed-in pages. It does not redirect by itself: a layout cannot know the current
 * path, and its redirect would win over the page's, losing the `callbackUrl`. Every page calls
 * `requireUser(itsPath)` instead (a layout guards nothing anyway: pages render in parallel).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const [user, t, tAdmin] = await Promise.all([getCurrentUser(), getTranslations("header"), getTranslations("admin")]);
  return (
    <>
      <SiteHeader
        account={
          user ? (
            <div className="account" role="group" aria-label={t("account")}>
              <span className="account__name">{t("signedInAs", { name: user.name })}</span>
              <Link href="/account/two-factor">{t("twoFactor")}</Link>
              {user.isAdmin ? <Link href="/admin/users">{tAdmin("nav.label")}</Link> : null}
              <SignOutButton />
            </div>
          ) : null
        }
      />
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
