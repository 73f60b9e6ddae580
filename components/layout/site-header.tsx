import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** The banner on every page: app name, language switch, and (when signed in) the account. */
export async function SiteHeader({ account }: { account?: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand" aria-label={t("homeLink")}>
          {t("name")}
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          {account}
        </div>
      </div>
    </header>
  );
}
