import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { PanelForm } from "@/components/selection/panel-form";
import { RoundForm } from "@/components/selection/round-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { timeZoneLabel } from "@/lib/evaluations/time-zone";
import { loadSelectionPage } from "@/lib/selection/loaders";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Section } from "@/components/ui/section";

type SelectionPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: SelectionPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  const view = await loadSelectionPage(evaluationId, user);
  return { title: view ? t("selection.meta.list") : t("notFound.metaTitle") };
}

/** The rounds the reader may see; for leads also the panels and the forms to set up more. */
export default async function SelectionPage({ params }: SelectionPageProps) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId, "selection");
  const user = await requireUser(base);
  const view = await loadSelectionPage(evaluationId, user);
  if (!view) notFound();
  const { rounds, setup } = view;
  const [t, format, locale] = await Promise.all([getTranslations("selection"), getFormatter(), getLocale()]);
  const zone = timeZoneLabel(view.timeZone, locale);
  const domainName = (domain: { nameEn: string; nameEs: string } | null) =>
    domain ? (locale === "es" ? domain.nameEs : domain.nameEn) : t("allDomains");

  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={view.manages ? t("list.descriptionLead") : t("list.descriptionPanelist")}
      />
      {/* Not a landmark of its own: the table's scroll region already carries this name. */}
      <section className="section">
        <h2 id="rounds-title">{t("list.rounds")}</h2>
        {rounds.length ? <p className="muted">{t("roundForm.zoneNote", { zone })}</p> : null}
        {rounds.length === 0 ? (
          <p className="muted">{view.manages ? t("list.noRoundsLead") : t("list.noRoundsPanelist")}</p>
        ) : (
          <ScrollRegion labelledBy="rounds-caption">
            <table className="table">
              <caption id="rounds-caption" className="visually-hidden">
                {t("list.rounds")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("list.round")}</th>
                  <th scope="col">{t("list.panel")}</th>
                  <th scope="col">{t("list.domain")}</th>
                  <th scope="col">{t("list.method")}</th>
                  <th scope="col">{t("list.status")}</th>
                  <th scope="col">{t("list.deadline")}</th>
                  <th scope="col">{t("list.candidates")}</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link href={evaluationPath(evaluationId, "selection", "rounds", round.id)}>{round.name}</Link>
                    </th>
                    <td>{round.panel.name}</td>
                    <td>{domainName(round.domain)}</td>
                    <td>{t(`methods.${round.method}.name`)}</td>
                    <td>{t(`statuses.${round.status}`)}</td>
                    <td>
                      <time dateTime={round.deadline.toISOString()}>
                        {format.dateTime(round.deadline, {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: view.timeZone,
                        })}
                      </time>
                    </td>
                    <td>{round._count.candidates}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      {setup ? (
        <>
          <Section id="new-round-title" title={t("roundForm.title")}>
            {setup.panels.length ? (
              <RoundForm
                evaluationId={evaluationId}
                zone={zone}
                panels={setup.panels.map((panel) => ({
                  value: panel.id,
                  label: `${panel.name} (${t(`levels.${panel.level}`)})`,
                }))}
              />
            ) : (
              <p className="muted">{t("roundForm.needPanel")}</p>
            )}
          </Section>
          <Section id="panels-title" title={t("list.panels")}>
            {setup.panels.length === 0 ? <p className="muted">{t("list.noPanels")}</p> : null}
            <ul className="plain-list">
              {setup.panels.map((panel) => (
                <li key={panel.id}>
                  <strong>{panel.name}</strong> — {t(`levels.${panel.level}`)}, {domainName(panel.domain)}:{" "}
                  {panel.members.map((member) => member.user.name).join(", ")}
                </li>
              ))}
            </ul>
            <h3>{t("panelForm.title")}</h3>
            <PanelForm
              evaluationId={evaluationId}
              domains={setup.domains.map((domain) => ({
                value: domain.id,
                label: locale === "es" ? domain.nameEs : domain.nameEn,
              }))}
              panelists={setup.panelists.map((panelist) => ({
                value: panelist.id,
                label: `${panelist.name} (${panelist.email})`,
              }))}
            />
          </Section>
        </>
      ) : null}
    </>
  );
}
