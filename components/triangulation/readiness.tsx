/** What the step to TRIANGULATED still needs, from the same pure guard the step will run. */
import type { getFormatter, getTranslations } from "next-intl/server";
import { supportingSourceTypes, type TriangulationBlocker, type TriangulationFacts } from "@/lib/triangulation/policy";
import styles from "./triangulation.module.css";

type T = Awaited<ReturnType<typeof getTranslations<"triangulation">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

export function blockerText(blocker: TriangulationBlocker, t: T): string {
  switch (blocker.code) {
    case "TOO_FEW_SOURCE_TYPES":
      return t("readiness.blockers.TOO_FEW_SOURCE_TYPES", { needed: blocker.needed, found: blocker.found });
    case "CONTRADICTION_UNANSWERED":
      return t("readiness.blockers.CONTRADICTION_UNANSWERED", { count: blocker.count });
    case "NO_SIGN_OFF":
      return t("readiness.blockers.NO_SIGN_OFF");
    case "SIGN_OFF_STALE":
      return t("readiness.blockers.SIGN_OFF_STALE", {
        signedVersion: blocker.signedVersion,
        currentVersion: blocker.currentVersion,
      });
  }
}

export function Readiness({
  facts,
  blockers,
  signOff,
  t,
  format,
}: {
  facts: TriangulationFacts;
  blockers: TriangulationBlocker[];
  signOff: { storyVersion: number; signedAt: Date; analyst: { name: string } } | null;
  t: T;
  format: Format;
}) {
  const types = supportingSourceTypes(facts).map((type) => t(`sourceTypes.${type}`));
  return (
    <>
      <p>
        {t("readiness.sourceTypes", {
          types: types.length ? format.list(types, { type: "conjunction" }) : t("readiness.none"),
        })}
      </p>
      {signOff ? (
        <p className="muted">
          {t("readiness.signedOff", {
            name: signOff.analyst.name,
            date: format.dateTime(signOff.signedAt, { dateStyle: "medium", timeStyle: "short" }),
            version: signOff.storyVersion,
          })}
        </p>
      ) : null}
      {blockers.length ? (
        <ul className={styles.blockers}>
          {blockers.map((blocker) => (
            <li key={blocker.code}>{blockerText(blocker, t)}</li>
          ))}
        </ul>
      ) : (
        <p className="notice">{t("readiness.ready")}</p>
      )}
    </>
  );
}
