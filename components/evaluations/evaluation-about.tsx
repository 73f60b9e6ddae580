/**
 * What the evaluation is about: its domains, projects, places, sectors, priorities, at-risk groups
 * and team, as its lead set it up. Shown under the dashboard on the evaluation's home page.
 */
import { getTranslations, getFormatter } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { StaticTable } from "@/components/ui/static-table";
import type { EvaluationOverview } from "@/lib/evaluations/data";
import { localized } from "@/lib/evaluations/format";
import { Section } from "@/components/ui/section";

export async function EvaluationAbout({ evaluation }: { evaluation: EvaluationOverview }) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const collator = new Intl.Collator(locale);
  const byName = (a: string, b: string) => collator.compare(a, b);
  const states = [...evaluation.states].sort((a, b) => byName(a.state, b.state));
  const sectors = evaluation.sectors
    .map((sector) => ({ id: sector.id, name: localized(sector, locale) }))
    .sort((a, b) => byName(a.name, b.name));
  const team = [...evaluation.team].sort((a, b) => byName(a.name, b.name));

  return (
    <>
      <Section id="domains-title" title={t("overview.domains.title")}>
        {evaluation.domains.length === 0 ? (
          <p className="muted">{t("overview.domains.empty")}</p>
        ) : (
          <ol className="domain-list">
            {evaluation.domains.map((domain) => {
              const definition = locale === "es" ? domain.definitionEs : domain.definitionEn;
              return (
                <li key={domain.id} className="domain-list__item">
                  <h3 className="domain-list__name">{localized(domain, locale)}</h3>
                  {domain.isOther ? <p className="tag">{t("overview.domains.otherDomain")}</p> : null}
                  {definition ? <p className="domain-list__definition">{definition}</p> : null}
                </li>
              );
            })}
          </ol>
        )}
      </Section>

      <Section id="projects-title" title={t("overview.projects.title")}>
        {evaluation.projects.length === 0 ? (
          <p className="muted">{t("overview.projects.empty")}</p>
        ) : (
          <StaticTable
            captionId="projects-caption"
            caption={t("overview.projects.caption", { count: evaluation.projects.length })}
            columns={[
              t("overview.projects.acronym"),
              t("overview.projects.name"),
              t("overview.projects.managingOffice"),
              t("overview.projects.funding"),
            ]}
          >
            {evaluation.projects.map((project) => (
              <tr key={project.id}>
                <td className="nowrap">{project.acronym}</td>
                <td>{project.name}</td>
                <td>{project.managingOffice}</td>
                <td>
                  {project.fundingStreams.length > 0
                    ? format.list(project.fundingStreams)
                    : t("overview.projects.noFunding")}
                </td>
              </tr>
            ))}
          </StaticTable>
        )}
      </Section>

      <div className="section-grid">
        <Section id="places-title" title={t("overview.places.title")}>
          {states.length === 0 ? (
            <p className="muted">{t("overview.places.empty")}</p>
          ) : (
            <>
              <p className="muted">{t("overview.places.summary", { count: states.length })}</p>
              <ul className="plain-list">
                {states.map((place) => (
                  <li key={place.state}>
                    <span className="plain-list__label">{place.state}</span>{" "}
                    <span className="muted">
                      ({t("overview.places.municipalities", { count: place.municipalityCount })})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>

        <Section id="sectors-title" title={t("overview.sectors.title")}>
          {sectors.length === 0 ? (
            <p className="muted">{t("overview.sectors.empty")}</p>
          ) : (
            <ul className="plain-list">
              {sectors.map((sector) => (
                <li key={sector.id}>{sector.name}</li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="priorities-title" title={t("overview.priorities.title")}>
          {evaluation.priorityTags.length === 0 ? (
            <p className="muted">{t("overview.priorities.empty")}</p>
          ) : (
            <ul className="plain-list">
              {evaluation.priorityTags.map((tag) => (
                <li key={tag.id}>{localized(tag, locale)}</li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="at-risk-groups-title" title={t("overview.atRiskGroups.title")}>
          {evaluation.atRiskGroups.length === 0 ? (
            <p className="muted">{t("overview.atRiskGroups.empty")}</p>
          ) : (
            <ul className="plain-list">
              {evaluation.atRiskGroups.map((group) => (
                <li key={group.id}>{localized(group, locale)}</li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="team-title" title={t("overview.team.title")}>
          {team.length === 0 ? (
            <p className="muted">{t("overview.team.empty")}</p>
          ) : (
            <ul className="plain-list">
              {team.map((member) => (
                <li key={member.id}>
                  <span className="plain-list__label">{member.name}</span>{" "}
                  {member.roles.length > 0 ? (
                    <span className="muted">({format.list(member.roles.map((role) => t(`roles.${role}`)))})</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
