import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BallotForm } from "@/components/selection/ballot-form";
import { DecisionForm } from "@/components/selection/decision-form";
import { ReminderPanel } from "@/components/selection/reminder-panel";
import { RoundControls } from "@/components/selection/round-controls";
import { DecisionView, TallySection, VotersSection } from "@/components/selection/round-sections";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mailConfigured } from "@/lib/mail/transport";
import { selectionAccess } from "@/lib/selection/access";
import { getRound, listBallotReasons, listOwnBallots, listReminderRecipients, listVoterIds, loadConflicts, loadTally, storytellerLanguages } from "@/lib/selection/data";
import { roundLink } from "@/lib/selection/reminder-delivery";
import { canSeeResults, canSeeRound, REMINDER_INTERVAL_MS, reminderRefusal } from "@/lib/selection/policy";

type RoundPageProps = { params: Promise<{ evaluationId: string; roundId: string }> };

/** The round and the reader's place in it, or null (404) when they may not see it. */
async function loadRound(evaluationId: string, roundId: string, user: CurrentUser) {
  const access = await selectionAccess(evaluationId, user);
  if (!access) return null;
  const round = await getRound(evaluationId, roundId);
  if (!round) return null;
  const sits = round.panel.members.some((member) => member.user.id === user.id);
  return canSeeRound(access.roles, sits) ? { access, round, sits } : null;
}

export async function generateMetadata({ params }: RoundPageProps): Promise<Metadata> {
  const { evaluationId, roundId } = await params;
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  const found = user ? await loadRound(evaluationId, roundId, user) : null;
  return { title: found ? t("selection.meta.round", { name: found.round.name }) : t("notFound.metaTitle") };
}

export default async function RoundPage({ params }: RoundPageProps) {
  const { evaluationId, roundId } = await params;
  const base = `/evaluations/${encodeURIComponent(evaluationId)}`;
  const user = await requireUser(`${base}/selection/rounds/${encodeURIComponent(roundId)}`);
  const found = await loadRound(evaluationId, roundId, user);
  if (!found) notFound();
  const { access, round, sits } = found;
  const stories = round.candidates.map((candidate) => candidate.story);
  const storyIds = stories.map((story) => story.id);
  const results = canSeeResults(round);
  const votes = sits && round.status === "OPEN" && round.deadline.getTime() > Date.now();
  const reminds = access.manages && reminderRefusal(round, new Date()) === null;
  const [t, format, locale, voterIds, own, conflicts, tally, reasons, languages, toRemind] = await Promise.all([
    getTranslations("selection"),
    getFormatter(),
    getLocale(),
    listVoterIds(evaluationId, roundId),
    sits ? listOwnBallots(evaluationId, roundId, user.id) : Promise.resolve([]),
    sits ? loadConflicts(db(), evaluationId, user.id, storyIds) : Promise.resolve(new Map<string, "WROTE" | "COLLECTED">()),
    results ? loadTally(db(), round, evaluationId, storyIds) : Promise.resolve(null),
    results ? listBallotReasons(evaluationId, roundId) : Promise.resolve([]),
    access.manages && round.status === "CLOSED" ? storytellerLanguages(evaluationId, storyIds) : Promise.resolve(new Map<string, string[]>()),
    reminds ? listReminderRecipients(db(), evaluationId, round) : Promise.resolve([]),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const title = (story: (typeof stories)[number]) => (locale === "en" && story.originalLanguage !== "en" && story.titleTranslation) || story.title;
  const members = round.panel.members.map((member) => member.user);
  const byMail = mailConfigured();
  const lastReminderAt = round.lastReminderAt;
  // Each story's feedback is offered in its storytellers' languages first, then in any the others speak.
  const spoken = [...new Set([...[...languages.values()].flat(), ...stories.map((story) => story.originalLanguage), "es", "en"])];
  const languageLabel = (code: string) => (t.has(`languages.${code}` as never) ? t(`languages.${code}` as never) : code);

  return (
    <>
      <PageHeader before={<Link href={`${base}/selection`}>{t("round.back")}</Link>} title={round.name}>
        <dl className="facts facts--inline">
          <div className="facts__item">
            <dt>{t("round.panel")}</dt>
            <dd>
              {round.panel.name} ({t(`levels.${round.panel.level}`)})
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.status")}</dt>
            <dd>{t(`statuses.${round.status}`)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.method")}</dt>
            <dd>{t(`methods.${round.method}.name`)}{round.method === "SCORING" ? ` (1–${round.scoreScaleMax ?? 5})` : ""}</dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.deadline")}</dt>
            <dd>
              <time dateTime={round.deadline.toISOString()}>{when(round.deadline)}</time>
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t("round.results")}</dt>
            <dd>{round.resultsHiddenUntilClosed ? t("round.hiddenUntilClosed") : t("round.visible")}</dd>
          </div>
        </dl>
      </PageHeader>
      {access.manages ? <RoundControls evaluationId={evaluationId} roundId={roundId} status={round.status} version={round.version} /> : null}

      <section className="section" aria-labelledby="candidates-title">
        <h2 id="candidates-title">{t("round.candidates", { count: stories.length })}</h2>
        <ul>
          {stories.map((story) => (
            <li key={story.id}>
              <Link href={`${base}/stories/${encodeURIComponent(story.id)}`}>
                <span className="code">{story.code}</span> {title(story)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {sits ? (
        <section className="section" aria-labelledby="ballot-title">
          <h2 id="ballot-title">{t("ballot.title")}</h2>
          {votes ? (
            <BallotForm
              evaluationId={evaluationId}
              roundId={roundId}
              method={round.method}
              scaleMax={round.scoreScaleMax}
              candidates={stories.map((story) => ({ id: story.id, code: story.code, title: title(story), conflict: conflicts.get(story.id) ?? null }))}
              ballots={own.map(({ storyId, rank, score, approved, reason }) => ({ storyId, rank, score, approved, reason }))}
            />
          ) : (
            <p className="muted">{own.length ? t("ballot.closedWithBallots", { count: own.length }) : t("ballot.closed")}</p>
          )}
        </section>
      ) : null}

      <VotersSection members={members} voterIds={voterIds} t={t} />
      {toRemind.length ? (
        <section className="section" aria-labelledby="reminder-title">
          <h2 id="reminder-title">{t("reminder.title")}</h2>
          <ReminderPanel
            evaluationId={evaluationId}
            roundId={roundId}
            byMail={byMail}
            recipients={toRemind.map((member) => (byMail ? member.name : `${member.name} <${member.email}>`)).join(", ")}
            text={byMail ? t("reminder.mailTemplate") : t("reminder.template", { round: round.name, deadline: when(round.deadline), url: roundLink(evaluationId, roundId) })}
            lastSent={lastReminderAt ? t("reminder.lastSent", { at: when(lastReminderAt), next: when(new Date(lastReminderAt.getTime() + REMINDER_INTERVAL_MS)) }) : null}
          />
        </section>
      ) : null}

      {tally ? <TallySection tally={tally} stories={new Map(stories.map((story) => [story.id, { ...story, title: title(story) }]))} reasons={reasons} t={t} /> : <p className="muted">{t("tally.hidden")}</p>}

      {access.manages && round.status === "CLOSED" ? (
        <section className="section" aria-labelledby="decide-title">
          <h2 id="decide-title">{t("decision.formTitle")}</h2>
          <DecisionForm
            evaluationId={evaluationId}
            roundId={roundId}
            version={round.version}
            candidates={stories.map((story) => {
              const theirs = languages.get(story.id) ?? [story.originalLanguage];
              return { id: story.id, code: story.code, title: title(story), languages: [...new Set([...theirs, ...spoken])].map((code) => ({ value: code, label: languageLabel(code) })) };
            })}
          />
        </section>
      ) : null}
      {round.decision ? <DecisionView decision={round.decision} stories={stories.map((story) => ({ ...story, title: title(story) }))} t={t} format={format} /> : null}
    </>
  );
}
