import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { ExportControl } from "@/components/data-table/export-control";
import { BallotForm } from "@/components/selection/ballot-form";
import { CandidateDetails } from "@/components/selection/candidate-details";
import { DecisionForm } from "@/components/selection/decision-form";
import { ReminderPanel } from "@/components/selection/reminder-panel";
import { RoundControls } from "@/components/selection/round-controls";
import { DecisionView, TallySection, VotersSection } from "@/components/selection/round-sections";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { mailConfigured } from "@/lib/mail/transport";
import { timeZoneLabel } from "@/lib/evaluations/time-zone";
import { loadRoundPage } from "@/lib/selection/loaders";
import { exportsBallots, REMINDER_INTERVAL_MS } from "@/lib/selection/policy";
import { roundLink } from "@/lib/selection/reminder-delivery";
import { isOneOf } from "@/lib/i18n/labels";
import { locales } from "@/lib/i18n/config";
import { Section } from "@/components/ui/section";

type RoundPageProps = { params: Promise<{ evaluationId: string; roundId: string }> };

export async function generateMetadata({ params }: RoundPageProps): Promise<Metadata> {
  const { evaluationId, roundId } = await params;
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  const found = await loadRoundPage(evaluationId, roundId, user);
  return { title: found ? t("selection.meta.round", { name: found.round.name }) : t("notFound.metaTitle") };
}

export default async function RoundPage({ params }: RoundPageProps) {
  const { evaluationId, roundId } = await params;
  const user = await requireUser(evaluationPath(evaluationId, "selection", "rounds", roundId));
  const view = await loadRoundPage(evaluationId, roundId, user);
  if (!view) notFound();
  const { round, manages, sits, results, decision, reminder } = view;
  const stories = round.candidates.map((candidate) => candidate.story);
  const [t, tStories, format, locale] = await Promise.all([
    getTranslations("selection"),
    getTranslations("stories"),
    getFormatter(),
    getLocale(),
  ]);
  // Every time on the page in the evaluation's clock time, named beside the deadline (decision 0036).
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: view.timeZone });
  const title = (story: (typeof stories)[number]) =>
    (locale === "en" && story.originalLanguage !== "en" && story.titleTranslation) || story.title;
  const details = (story: (typeof stories)[number]) => {
    const detail = view.details.get(story.id);
    return detail ? (
      <CandidateDetails
        code={story.code}
        detail={detail}
        language={story.originalLanguage}
        readerLocale={locale}
        t={t}
        tStories={tStories}
        format={format}
      />
    ) : null;
  };
  const byMail = mailConfigured();
  const languages = decision?.storytellerLanguages ?? new Map<string, string[]>();
  // Each story's feedback is offered in its storytellers' languages first, then in any the others speak.
  const spoken = [
    ...new Set([...[...languages.values()].flat(), ...stories.map((story) => story.originalLanguage), "es", "en"]),
  ];
  const languageLabel = (code: string) => (isOneOf(locales, code) ? t(`languages.${code}`) : code);

  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(evaluationId, "selection")}>{t("round.back")}</Link>}
        title={round.name}
      >
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("round.panel")}</dt>
            <dd>
              {view.panel.name} ({t(`levels.${view.panel.level}`)})
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.status")}</dt>
            <dd>{t(`statuses.${round.status}`)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.method")}</dt>
            <dd>
              {t(`methods.${round.method}.name`)}
              {round.method === "SCORING" ? ` (1–${round.scoreScaleMax ?? 5})` : ""}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.deadline")}</dt>
            <dd>
              <time dateTime={round.deadline.toISOString()}>{when(round.deadline)}</time>{" "}
              <span className="muted">({timeZoneLabel(view.timeZone, locale)})</span>
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.results")}</dt>
            <dd>
              {/* Once the round is closed nothing is hidden any more: saying so would mislead. */}
              {round.status === "CLOSED" || round.status === "DECIDED"
                ? t("round.shownClosed")
                : round.resultsHiddenUntilClosed
                  ? t("round.hiddenUntilClosed")
                  : t("round.visible")}
            </dd>
          </div>
        </dl>
      </PageHeader>
      {manages ? (
        <RoundControls evaluationId={evaluationId} roundId={roundId} status={round.status} version={round.version} />
      ) : null}

      <Section id="candidates-title" title={t("round.candidates", { count: stories.length })}>
        <ul>
          {stories.map((story) => (
            <li key={story.id}>
              <Link href={evaluationPath(evaluationId, "stories", story.id)}>
                <span className="code">{story.code}</span> {title(story)}
              </Link>
              {/* Those who vote read it on their ballot, next to where they rank the story. */}
              {view.canVote ? null : details(story)}
            </li>
          ))}
        </ul>
      </Section>

      {sits ? (
        <Section id="ballot-title" title={t("ballot.title")}>
          {view.canVote ? (
            <BallotForm
              evaluationId={evaluationId}
              roundId={roundId}
              method={round.method}
              scaleMax={round.scoreScaleMax}
              candidates={stories.map((story) => ({
                id: story.id,
                code: story.code,
                title: title(story),
                conflict: view.conflicts.get(story.id) ?? null,
                details: details(story),
              }))}
              ballots={view.ownBallots}
            />
          ) : (
            <p className="muted">
              {view.ownBallots.length
                ? t("ballot.closedWithBallots", { count: view.ownBallots.length })
                : t("ballot.closed")}
            </p>
          )}
        </Section>
      ) : null}

      <VotersSection members={view.panel.members} voterIds={view.voterIds} t={t} />
      {reminder ? (
        <Section id="reminder-title" title={t("reminder.title")}>
          <ReminderPanel
            evaluationId={evaluationId}
            roundId={roundId}
            byMail={byMail}
            recipients={reminder.recipients
              .map((member) => (byMail ? member.name : `${member.name} <${member.email}>`))
              .join(", ")}
            text={
              byMail
                ? t("reminder.mailTemplate")
                : t("reminder.template", {
                    round: round.name,
                    deadline: when(round.deadline),
                    url: roundLink(evaluationId, roundId),
                  })
            }
            lastSent={
              reminder.lastReminderAt
                ? t("reminder.lastSent", {
                    at: when(reminder.lastReminderAt),
                    next: when(new Date(reminder.lastReminderAt.getTime() + REMINDER_INTERVAL_MS)),
                  })
                : null
            }
          />
        </Section>
      ) : null}

      {results ? (
        <TallySection
          tally={results.tally}
          stories={new Map(stories.map((story) => [story.id, { ...story, title: title(story) }]))}
          reasons={results.reasons}
          t={t}
        />
      ) : (
        <p className="muted">{t("tally.hidden")}</p>
      )}

      {decision ? (
        <Section id="decide-title" title={t("decision.formTitle")}>
          <DecisionForm
            evaluationId={evaluationId}
            roundId={roundId}
            version={round.version}
            candidates={stories.map((story) => {
              const theirs = languages.get(story.id) ?? [story.originalLanguage];
              return {
                id: story.id,
                code: story.code,
                title: title(story),
                languages: [...new Set([...theirs, ...spoken])].map((code) => ({
                  value: code,
                  label: languageLabel(code),
                })),
              };
            })}
          />
        </Section>
      ) : null}
      {round.decision ? (
        <DecisionView
          decision={round.decision}
          stories={stories.map((story) => ({ ...story, title: title(story) }))}
          t={t}
          format={format}
        />
      ) : null}
      {/* Ballots leave only once the round is closed (never while panelists may still change them). */}
      {exportsBallots(round) ? (
        <ExportControl evaluationId={evaluationId} table="ballots" query={{ round: roundId }} offerIdentified={false} />
      ) : null}
    </>
  );
}
