import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/imports/import-wizard";
import styles from "@/components/imports/imports.module.css";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadImportsPage } from "@/lib/imports/loaders";
import { validId } from "@/lib/core/ids";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Section } from "@/components/ui/section";

type ImportsPageProps = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("metaTitle") };
}

function pageNumber(value: unknown): number {
  const number = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, number);
}

function idParam(value: unknown): string | null {
  return validId(value) ? value : null;
}

export default async function ImportsPage({ params, searchParams }: ImportsPageProps) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId, "imports");
  const user = await requireUser(base);
  const query = await searchParams;
  const [view, t, format] = await Promise.all([
    loadImportsPage(evaluationId, user, {
      page: pageNumber(query.page),
      batchId: idParam(query.batch),
      errorsPage: pageNumber(query.errorsPage),
    }),
    getTranslations(),
    getFormatter(),
  ]);
  if (!view) notFound();
  const { evaluation, kinds, history, batch, errors } = view;
  // The projects settings page opens the wizard on a project list (`?kind=PROJECTS`).
  const initialKind = kinds.find((kind) => kind === query.kind);
  const projectsPath = evaluationPath(evaluationId, "settings", "projects");
  const afterCommit = kinds.includes("PROJECTS")
    ? { PROJECTS: <Link href={projectsPath}>{t("imports.backToProjects")}</Link> }
    : undefined;
  const problem = (code: string) =>
    t.has(code as "imports.title") ? t(code as "imports.title") : t("imports.refusals.UNEXPECTED");

  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
        title={t("imports.title")}
        description={t("imports.description")}
      />
      <ImportWizard
        evaluationId={evaluationId}
        basePath={base}
        kinds={kinds}
        initialKind={initialKind}
        afterCommit={afterCommit}
      />

      {batch && errors ? (
        <Section
          id="import-errors-title"
          title={t("imports.errorsTable.title", { file: batch.fileName })}
          className={null}
          anchor="errors"
        >
          {errors.total === 0 ? (
            <p>{t("imports.errorsTable.none")}</p>
          ) : (
            <ScrollRegion labelledBy="import-errors-caption">
              <table className={styles.table}>
                <caption id="import-errors-caption">{t("imports.errorsTable.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("imports.errorsTable.row")}</th>
                    <th scope="col">{t("imports.errorsTable.column")}</th>
                    <th scope="col">{t("imports.errorsTable.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {errors.rows.map((error) => (
                    <tr key={error.id}>
                      {/* A repeat group's row is named by its sheet (or file) and line. */}
                      <td>
                        {error.sheet
                          ? `${error.sheet} · ${format.number(error.rowNumber)}`
                          : format.number(error.rowNumber)}
                      </td>
                      <td className={styles.columnName}>{error.column ?? "—"}</td>
                      <td>{problem(error.code)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {errors.pageCount > 1 ? (
            <nav className={styles.pager} aria-label={t("imports.errorsTable.caption")}>
              {errors.page > 1 ? (
                <Link href={`${base}?batch=${batch.id}&errorsPage=${errors.page - 1}#errors`}>
                  {t("imports.history.previous")}
                </Link>
              ) : null}
              <span>{t("imports.history.page", { page: errors.page, count: errors.pageCount })}</span>
              {errors.page < errors.pageCount ? (
                <Link href={`${base}?batch=${batch.id}&errorsPage=${errors.page + 1}#errors`}>
                  {t("imports.history.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
          <p>
            <Link href={base}>{t("imports.errorsTable.close")}</Link>
          </p>
        </Section>
      ) : null}

      <Section id="import-history-title" title={t("imports.history.title")} className={null}>
        {history.total === 0 ? (
          <p>{t("imports.history.empty")}</p>
        ) : (
          <ScrollRegion labelledBy="import-history-caption">
            <table className={styles.table}>
              <caption id="import-history-caption">{t("imports.history.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("imports.history.when")}</th>
                  <th scope="col">{t("imports.history.file")}</th>
                  <th scope="col">{t("imports.history.kind")}</th>
                  <th scope="col">{t("imports.history.status")}</th>
                  <th scope="col">{t("imports.history.who")}</th>
                  <th scope="col">{t("imports.history.rows")}</th>
                  <th scope="col">{t("imports.history.new")}</th>
                  <th scope="col">{t("imports.history.skipped")}</th>
                  <th scope="col">{t("imports.history.errors")}</th>
                </tr>
              </thead>
              <tbody>
                {history.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {format.dateTime(row.committedAt ?? row.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </td>
                    <td className={styles.columnName}>{row.fileName}</td>
                    <td>{t(`imports.kinds.${row.kind}`)}</td>
                    <td>{t(`imports.statuses.${row.status}`)}</td>
                    <td>{row.createdBy.name}</td>
                    <td>{format.number(row.rowCount)}</td>
                    <td>{format.number(row.newCount)}</td>
                    <td>{format.number(row.skippedCount)}</td>
                    <td>
                      {row.errorCount > 0 ? (
                        <Link href={`${base}?batch=${row.id}#errors`}>
                          {/* The visible number starts the link's name (WCAG 2.5.3); the rest says what it opens. */}
                          {format.number(row.errorCount)}
                          <span className="visually-hidden">{` — ${t("imports.history.showErrors")}: ${row.fileName}`}</span>
                        </Link>
                      ) : (
                        format.number(0)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {history.pageCount > 1 ? (
          <nav className={styles.pager} aria-label={t("imports.history.title")}>
            {history.page > 1 ? (
              <Link href={`${base}?page=${history.page - 1}`}>{t("imports.history.previous")}</Link>
            ) : null}
            <span>{t("imports.history.page", { page: history.page, count: history.pageCount })}</span>
            {history.page < history.pageCount ? (
              <Link href={`${base}?page=${history.page + 1}`}>{t("imports.history.next")}</Link>
            ) : null}
          </nav>
        ) : null}
      </Section>
    </>
  );
}
