import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadEvaluationList } from "@/lib/evaluations/loaders";
import { PERIOD_FORMAT } from "@/lib/evaluations/format";
import { evaluationPath } from "@/lib/evaluations/paths";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("metaTitle") };
}

export default async function EvaluationsPage() {
  const user = await requireUser("/evaluations");
  const [evaluations, t, format] = await Promise.all([loadEvaluationList(user), getTranslations(), getFormatter()]);

  return (
    <>
      <PageHeader
        title={t("evaluations.title")}
        description={user.isAdmin ? t("evaluations.adminIntro") : t("evaluations.intro")}
      >
        {user.isAdmin ? (
          <p>
            <Link href="/evaluations/new">{t("admin.nav.newEvaluation")}</Link>
          </p>
        ) : null}
      </PageHeader>
      {evaluations.length === 0 ? (
        <div className="empty-state">
          <h2>{t("evaluations.emptyTitle")}</h2>
          <p>{t("evaluations.emptyBody")}</p>
        </div>
      ) : (
        <ul className="card-list">
          {evaluations.map((evaluation) => (
            <li key={evaluation.id} className="card">
              <h2 className="card__title">
                <Link href={evaluationPath(evaluation.id)}>{evaluation.name}</Link>
              </h2>
              <dl className="facts">
                <div className="facts__item">
                  <dt>{t("evaluations.client")}</dt>
                  <dd>{evaluation.client}</dd>
                </div>
                <div className="facts__item">
                  <dt>{t("evaluations.period")}</dt>
                  <dd>{format.dateTimeRange(evaluation.periodStart, evaluation.periodEnd, PERIOD_FORMAT)}</dd>
                </div>
                <div className="facts__item">
                  <dt>{t("evaluations.yourRoles")}</dt>
                  <dd>
                    {evaluation.roles.length > 0
                      ? format.list(evaluation.roles.map((role) => t(`roles.${role}`)))
                      : t("evaluations.notAMember")}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
