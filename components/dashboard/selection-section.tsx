/**
 * More of meta-monitoring: positive, negative and no-change stories per domain, stories per
 * interviewer, and who sits on the panels with how often they dissented. Counts of stories and of
 * staff, not of respondents, so they are exact for every reader of the dashboard.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import type { DashboardMetaView } from "@/lib/dashboard/meta-loaders";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { ChangeType } from "@/lib/generated/prisma/enums";
import { PANEL_ROLE_FIELDS, PANEL_ROLES } from "@/lib/dashboard/meta-figures";
import { FigureDownloads } from "./figure-downloads";
import { Section } from "@/components/ui/section";

type Props = { evaluationId: string; view: DashboardMetaView; filters: DashboardFilters };
const CHANGE_TYPES = Object.values(ChangeType);

export async function SelectionSection({ evaluationId, view, filters }: Props) {
  const [t, changeTypes, levels, roles, format, locale] = await Promise.all([
    getTranslations("dashboardMeta"),
    getTranslations("tables.changeType"),
    getTranslations("selection.levels"),
    getTranslations("roles"),
    getFormatter(),
    getLocale(),
  ]);
  const n = (value: number) => format.number(value);
  const domainName = (domain: { nameEn: string; nameEs: string } | null, none: string) =>
    domain ? (locale === "es" ? domain.nameEs : domain.nameEn) : none;
  const { changeTypes: types, interviewers, panels } = view;
  const decisions = panels.reduce((sum, panel) => sum + panel.decisions, 0);
  const dissent = panels.reduce((sum, panel) => sum + panel.decisionsWithDissent, 0);
  const interviewerCount = interviewers.filter((row) => row.userId !== null).length;

  return (
    <>
      <Section id="change-types-title" title={t("changeTypes.title")}>
        <p>
          {t("changeTypes.summary", {
            total: types.total,
            positive: types.totals.POSITIVE,
            negative: types.totals.NEGATIVE,
            none: types.totals.NO_CHANGE,
          })}
        </p>
        <FigureDownloads
          evaluationId={evaluationId}
          figure="change-types"
          filters={filters}
          title={t("changeTypes.title")}
        />
        <StaticTable
          captionId="change-types-caption"
          caption={t("changeTypes.caption", { count: types.total })}
          columns={[t("changeTypes.domain"), ...CHANGE_TYPES.map((type) => changeTypes(type)), t("changeTypes.total")]}
          compact
        >
          {types.rows.map((row) => (
            <tr key={row.domain?.id ?? "none"}>
              <th scope="row">{domainName(row.domain, t("changeTypes.noDomain"))}</th>
              {CHANGE_TYPES.map((type) => (
                <td key={type} className="numeric">
                  {n(row.counts[type])}
                </td>
              ))}
              <td className="numeric">{n(row.total)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("changeTypes.allDomains")}</th>
            {CHANGE_TYPES.map((type) => (
              <td key={type} className="numeric">
                {n(types.totals[type])}
              </td>
            ))}
            <td className="numeric">{n(types.total)}</td>
          </tr>
        </StaticTable>
      </Section>

      <Section id="interviewers-title" title={t("interviewers.title")}>
        <p>{t("interviewers.summary", { count: interviewerCount })}</p>
        <p className="muted">{t("interviewers.note")}</p>
        <FigureDownloads
          evaluationId={evaluationId}
          figure="interviewers"
          filters={filters}
          title={t("interviewers.title")}
        />
        <StaticTable
          captionId="interviewers-caption"
          caption={t("interviewers.caption")}
          columns={[t("interviewers.interviewer"), t("interviewers.stories"), t("interviewers.selected")]}
          compact
        >
          {interviewers.map((row) => (
            <tr key={row.userId ?? "none"}>
              <th scope="row">{row.userId === null ? t("interviewers.none") : row.name}</th>
              <td className="numeric">{n(row.stories)}</td>
              <td className="numeric">{n(row.selected)}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>

      <Section id="panels-title" title={t("panels.title")}>
        <p>{t("panels.summary", { panels: panels.length, decisions, dissent })}</p>
        <p className="muted">{t("panels.note")}</p>
        <FigureDownloads evaluationId={evaluationId} figure="panels" filters={filters} title={t("panels.title")} />
        <StaticTable
          captionId="panels-caption"
          caption={t("panels.caption")}
          columns={[
            t("panels.panel"),
            t("panels.level"),
            t("panels.members"),
            ...PANEL_ROLES.map((role) => roles(role)),
            t("panels.decisions"),
            t("panels.dissent"),
            t("panels.ballots"),
            t("panels.against"),
          ]}
          compact
        >
          {panels.map((panel) => (
            <tr key={panel.panelId}>
              <th scope="row">{panel.name}</th>
              <td>
                {levels(panel.level as "DOMAIN")}
                {panel.domain ? `: ${domainName(panel.domain, "")}` : ""}
              </td>
              <td className="numeric">{n(panel.members)}</td>
              {PANEL_ROLES.map((role) => (
                <td key={role} className="numeric">
                  {n(panel[PANEL_ROLE_FIELDS[role]])}
                </td>
              ))}
              <td className="numeric">{n(panel.decisions)}</td>
              <td className="numeric">{n(panel.decisionsWithDissent)}</td>
              <td className="numeric">{n(panel.approvalBallots)}</td>
              <td className="numeric">{n(panel.approvalBallotsAgainst)}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>
    </>
  );
}
