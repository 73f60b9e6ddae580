import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CONSENT_SCOPES, isFieldLanguage } from "@/lib/respondents/constants";
import type { RespondentDetail } from "@/lib/respondents/data";
import styles from "./respondents.module.css";

type Consent = RespondentDetail["consents"][number];

/** The current consent with its scopes, its withdrawal if any, and the earlier forms. */
export async function ConsentSummary({
  consents,
  canEdit,
  respondentHref,
}: {
  consents: RespondentDetail["consents"];
  canEdit: boolean;
  respondentHref: string;
}) {
  const [t, format] = await Promise.all([getTranslations("respondents"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  const [current, ...earlier] = consents;
  const language = (code: string) => (isFieldLanguage(code) ? t(`languages.${code}`) : t("languages.other", { code }));

  if (!current) {
    return (
      <>
        <p>{t("consent.none")}</p>
        {canEdit ? (
          <p>
            <Link href={`${respondentHref}/consent`}>{t("consent.record")}</Link>
          </p>
        ) : null}
      </>
    );
  }

  const answer = (value: Consent["scopes"][keyof Consent["scopes"]]) =>
    value === null ? t("consent.notAsked") : value ? t("consent.granted") : t("consent.refused");

  return (
    <>
      {current.withdrawnOn ? (
        <div className="notice">
          <p className={styles.status}>{t("consent.withdrawn", { date: day(current.withdrawnOn) })}</p>
          <dl className="facts">
            <div className="facts__item">
              <dt>{t("consent.withdrawalChoice")}</dt>
              <dd>
                {current.withdrawalChoice
                  ? `${t(`choices.${current.withdrawalChoice}`)}: ${t(`choiceHelp.${current.withdrawalChoice}`)}`
                  : null}
              </dd>
            </div>
            {current.withdrawalNote ? (
              <div className="facts__item">
                <dt>{t("consent.withdrawalNote")}</dt>
                <dd>{current.withdrawalNote}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      ) : null}
      <dl className={`facts ${current.withdrawnOn ? styles.below : ""}`}>
        <div className="facts__item">
          <dt>{t("consent.givenOn")}</dt>
          <dd>{day(current.givenOn)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("consent.method")}</dt>
          <dd>{t(`methods.${current.method}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("consent.formVersion")}</dt>
          <dd>{current.formVersion}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("consent.language")}</dt>
          <dd>{language(current.language)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("consent.recordedBy")}</dt>
          <dd>{current.recordedByName}</dd>
        </div>
      </dl>
      <div
        className={`table-scroll ${styles.below}`}
        role="region"
        aria-labelledby="consent-scopes-caption"
        tabIndex={0}
      >
        <table className="table table--compact">
          <caption id="consent-scopes-caption">{t("consent.scopesCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("consent.scope")}</th>
              <th scope="col">{t("consent.answer")}</th>
            </tr>
          </thead>
          <tbody>
            {CONSENT_SCOPES.map((scope) => (
              <tr key={scope}>
                <th scope="row">{t(`scopes.${scope}`)}</th>
                <td>{answer(current.scopes[scope])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit && !current.withdrawnOn ? (
        <div className={`actions ${styles.below}`}>
          <Link href={`${respondentHref}/consent`}>{t("consent.recordNew")}</Link>
          <Link href={`${respondentHref}/withdraw`}>{t("consent.withdraw")}</Link>
        </div>
      ) : null}
      {earlier.length > 0 ? (
        <details>
          <summary>{t("consent.earlier")}</summary>
          <ul className={styles.linkList}>
            {earlier.map((consent) => (
              <li key={consent.id}>
                {t("consent.earlierItem", { version: consent.formVersion, date: day(consent.givenOn) })}
                {" — "}
                {CONSENT_SCOPES.map((scope) => `${t(`scopes.${scope}`)}: ${answer(consent.scopes[scope])}`).join("; ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
