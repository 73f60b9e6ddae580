import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";

/** Evaluation › Respondents › (this respondent): shown above each respondent page's heading. */
export async function RespondentBreadcrumbs({
  evaluationId,
  evaluationName,
  respondent,
}: {
  evaluationId: string;
  evaluationName: string;
  respondent?: { id: string; code: string };
}) {
  const t = await getTranslations("respondents");
  const base = evaluationPath(evaluationId);
  return (
    <>
      <Link href={base}>{evaluationName}</Link>
      {" › "}
      <Link href={`${base}/respondents`}>{t("listLink")}</Link>
      {respondent ? (
        <>
          {" › "}
          <Link href={`${base}/respondents/${encodeURIComponent(respondent.id)}`}>{respondent.code}</Link>
        </>
      ) : null}
    </>
  );
}
