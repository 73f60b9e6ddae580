import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { AuditEventRowView } from "@/components/audit/audit-event-row";
import { SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { ExportControl } from "@/components/data-table/export-control";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { requireUser } from "@/lib/auth/session";
import { labelKey } from "@/lib/audit-trail/sentences";
import { loadAuditPage } from "@/lib/audit-trail/loaders";
import { parseAuditFilters, type AuditFilters } from "@/lib/audit-trail/schema";

/** The filters typed in, in the form's order: what was done, to which record, between which days. */
const TEXT_FILTERS: ReadonlyArray<{
  name: "action" | "recordType" | "recordId" | "from" | "to";
  id: string;
  type?: "date";
}> = [
  { name: "action", id: "audit-action" },
  { name: "recordType", id: "audit-record-type" },
  { name: "recordId", id: "audit-record-id" },
  { name: "from", id: "audit-from", type: "date" },
  { name: "to", id: "audit-to", type: "date" },
];

type AuditPageProps = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("audit.metaTitle") };
}

function query(filters: AuditFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const { evaluationId } = await params;
  const user = await requireUser(evaluationPath(evaluationId, "audit"));
  const filters = parseAuditFilters(await searchParams);
  const locale = (await getLocale()) === "en" ? "en" : "es";
  const [view, t] = await Promise.all([loadAuditPage(evaluationId, user, filters, locale), getTranslations()]);
  if (!view) notFound();
  const { evaluation, events, next, names, actors, labels } = view;
  const { before: _cursor, ...activeFilters } = filters;
  const base = evaluationPath(evaluationId, "audit");

  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(evaluationId)}>{evaluation.name}</Link>}
        title={t("audit.title")}
        description={t("audit.description")}
      />

      <form className="filters" method="get" action={base} aria-label={t("audit.filters.label")}>
        <SelectField
          id="audit-actor"
          name="actor"
          label={t("audit.filters.actor")}
          defaultValue={filters.actor ?? ""}
          placeholder={t("audit.filters.anyone")}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
        />
        {TEXT_FILTERS.map(({ name, id, type }) => (
          <Field
            key={name}
            id={id}
            name={name}
            label={t(`audit.filters.${name}`)}
            hint={name === "action" ? t("audit.filters.actionHint") : undefined}
            defaultValue={filters[name] ?? ""}
            {...(type ? { type } : { maxLength: 64 })}
          />
        ))}
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t("audit.filters.apply")}
          </button>
          <Link href={base}>{t("audit.filters.clear")}</Link>
        </div>
      </form>
      <ExportControl evaluationId={evaluationId} table="audit" query={activeFilters} offerIdentified={false} />

      <StaticTable
        captionId="audit-caption"
        caption={t("audit.caption")}
        compact
        columns={[
          t("audit.columns.sequence"),
          t("audit.columns.time"),
          t("audit.columns.event"),
          t("audit.columns.raw"),
        ]}
      >
        {events.length === 0 ? (
          <tr>
            <td colSpan={4}>{t("audit.empty")}</td>
          </tr>
        ) : (
          events.map((event) => (
            <AuditEventRowView
              key={event.id}
              event={event}
              actorName={event.actorId ? (names.get(event.actorId) ?? null) : null}
              recordLabel={event.recordId ? (labels.get(labelKey(event.recordType, event.recordId)) ?? null) : null}
            />
          ))
        )}
      </StaticTable>

      <nav className="pagination" aria-label={t("audit.pagination.label")}>
        {filters.before ? <Link href={`${base}${query(activeFilters)}`}>{t("audit.pagination.newest")}</Link> : null}
        {next ? (
          <Link href={`${base}${query(activeFilters, { before: next })}`} rel="next">
            {t("audit.pagination.older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
