/** The story's domains: current ones, the full history (ended rows kept), and the assignment form. */
import { StaticTable } from "@/components/ui/static-table";
import type { DomainAssignmentRow } from "@/lib/domains/data";
import { DomainAssignment } from "./domain-assignment";
import { dynamic, localizedName, type StoriesT } from "./form-types";
import type { Formatter } from "./format";
import { Section } from "@/components/ui/section";

type Props = {
  evaluationId: string;
  storyId: string;
  assignments: DomainAssignmentRow[];
  domains: Array<{ id: string; position: number; nameEn: string; nameEs: string }>;
  canAssign: boolean;
  locale: string;
  t: StoriesT;
  format: Formatter;
};

export function DomainSection({ evaluationId, storyId, assignments, domains, canAssign, locale, t, format }: Props) {
  const label = (domain: { position: number; nameEn: string; nameEs: string }) =>
    `${domain.position}. ${localizedName(domain, locale)}`;
  const current = assignments.filter((row) => row.endedAt === null);
  const primary = current.find((row) => row.kind === "PRIMARY");
  const secondary = current.filter((row) => row.kind === "SECONDARY");
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Section id="story-domains-title" title={t("domains.title")}>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t("domains.kinds.PRIMARY")}</dt>
          <dd>
            {primary ? (
              <>
                {label(primary.domain)} <span className="muted">— {primary.rationale}</span>
              </>
            ) : (
              <span className="muted">{t("domains.noPrimary")}</span>
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("domains.kinds.SECONDARY")}</dt>
          <dd>
            {secondary.length ? (
              <ul className="plain-list">
                {secondary.map((row) => (
                  <li key={row.id}>
                    {label(row.domain)} <span className="muted">— {row.rationale}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t("detail.none")}</span>
            )}
          </dd>
        </div>
      </dl>

      {assignments.length ? (
        <StaticTable
          captionId="domain-history-caption"
          caption={t("domains.history")}
          compact
          columns={[
            t("domains.domain"),
            t("domains.kind"),
            t("domains.rationale"),
            t("domains.assignedBy"),
            t("domains.ended"),
          ]}
        >
          {assignments.map((row) => (
            <tr key={row.id}>
              <td>{label(row.domain)}</td>
              <td>{dynamic(t, `domains.kinds.${row.kind}`)}</td>
              <td>{row.rationale}</td>
              <td>
                {row.assignedBy.name}, <time dateTime={row.assignedAt.toISOString()}>{when(row.assignedAt)}</time>
              </td>
              <td>
                {row.endedAt ? (
                  <>
                    {row.endedBy?.name ?? ""}, <time dateTime={row.endedAt.toISOString()}>{when(row.endedAt)}</time>
                  </>
                ) : (
                  t("domains.current")
                )}
              </td>
            </tr>
          ))}
        </StaticTable>
      ) : null}

      {canAssign ? (
        <DomainAssignment
          evaluationId={evaluationId}
          storyId={storyId}
          domains={domains.map((domain) => ({ id: domain.id, label: label(domain) }))}
          current={current.map((row) => ({ id: row.id, kind: row.kind, label: label(row.domain) }))}
        />
      ) : null}
    </Section>
  );
}
