import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TwoFactorCodeForm } from "@/components/auth/two-factor-code-form";
import { TwoFactorStartForm } from "@/components/auth/two-factor-start-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, TWO_FACTOR_SETUP_PATH } from "@/lib/auth/session";
import { loadTwoFactorView } from "@/lib/auth/two-factor-view";
import { Section } from "@/components/ui/section";

type TwoFactorPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.twoFactor");
  return { title: t("metaTitle") };
}

export default async function TwoFactorPage({ searchParams }: TwoFactorPageProps) {
  // The one page a user held at two-factor set-up may open.
  const user = await requireUser(TWO_FACTOR_SETUP_PATH, { duringTwoFactorSetup: true });
  const [{ done }, view, t, format] = await Promise.all([
    searchParams,
    loadTwoFactorView(user),
    getTranslations("account.twoFactor"),
    getFormatter(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {user.needsTwoFactorEnrolment ? <p className="notice">{t("requiredNotice")}</p> : null}
      <div role="status">
        {done === "enabled" && view.status === "ON" ? (
          <div className="notice">
            <p>{t("enabledMessage")}</p>
            <p>
              <Link href="/evaluations">{t("continue")}</Link>
            </p>
          </div>
        ) : null}
        {done === "disabled" && view.status !== "ON" ? <p className="notice">{t("disabledMessage")}</p> : null}
      </div>

      {view.status === "ON" ? (
        <section className="section" aria-labelledby="two-factor-disable-title">
          <p>{t("statusOnSince", { date: format.dateTime(view.enabledAt, { dateStyle: "long" }) })}</p>
          <h2 id="two-factor-disable-title">{t("disableTitle")}</h2>
          {view.mayDisable ? (
            <>
              <p>{t("disableIntro")}</p>
              <TwoFactorCodeForm mode="disable" />
            </>
          ) : (
            <p>{t("cannotDisable")}</p>
          )}
        </section>
      ) : null}

      {view.status === "OFF" ? (
        <section className="section" aria-label={t("statusOff")}>
          <p>{t("statusOff")}</p>
          <TwoFactorStartForm />
        </section>
      ) : null}

      {view.status === "PENDING" ? (
        <Section id="two-factor-setup-title" title={t("setupTitle")}>
          <ol>
            <li>
              <p>{t("scanStep")}</p>
              {/* A data: URL made on the server: the secret never goes to a third-party QR service. */}
              <img src={view.qrDataUrl} alt={t("qrAlt")} width={240} height={240} />
            </li>
            <li>
              <p id="two-factor-secret-label">{t("manualStep")}</p>
              <p>
                <span className="visually-hidden">{t("secretLabel")}: </span>
                <code className="code" id="two-factor-secret" translate="no">
                  {view.secretGroups.join(" ")}
                </code>
              </p>
            </li>
            <li>
              <p>{t("confirmStep")}</p>
              <TwoFactorCodeForm mode="confirm" />
            </li>
          </ol>
          <TwoFactorStartForm restart />
        </Section>
      ) : null}
    </>
  );
}
