/**
 * A story's timeline as an ordered list, newest first. Each entry says what happened, who did it
 * and when, with its reason or comment in full. Server component: no script needed.
 */
import type { TimelineEntry } from "@/lib/stories/timeline-data";
import styles from "./timeline.module.css";

type Translate = (key: string, values?: Record<string, string | number>) => string;

function headline(entry: TimelineEntry, t: Translate): string {
  const stage = (value: string) => (value ? t(`stories.stages.${value}`) : "—");
  switch (entry.kind) {
    case "revision":
      return t("timeline.revision", { version: entry.version });
    case "stage":
      return t("timeline.stage", { from: stage(entry.from), to: stage(entry.to) });
    case "ballot": {
      const vote =
        entry.rank !== null
          ? t("timeline.rank", { rank: entry.rank })
          : entry.score !== null
            ? t("timeline.score", { score: entry.score })
            : entry.approved
              ? t("timeline.approved")
              : t("timeline.notApproved");
      return `${t("timeline.ballot", { round: entry.round })}: ${vote}`;
    }
    case "decision":
      return t(entry.selected ? "timeline.selected" : "timeline.notSelected", { round: entry.round });
    case "evidence":
      return t("timeline.evidence", {
        sourceType: t(`triangulation.sourceTypes.${entry.sourceType}`),
        stance: t(`triangulation.stances.${entry.stance}`),
        strength: t(`triangulation.strengths.${entry.strength}`),
      });
    case "signOff":
      return t("timeline.signOff", { version: entry.version });
    case "validation":
      return t("timeline.validation", {
        respondent: entry.respondentCode,
        round: entry.round,
        verdict: t(`respondentValidation.verdict.${entry.verdict}`),
        version: entry.version,
      });
    case "review":
      return t("timeline.review", { decision: t(`reviews.decision.${entry.decision}`), version: entry.version });
  }
}

/** The free text that goes with an entry, under its label, with its language when it is known. */
function details(entry: TimelineEntry, t: Translate): Array<[string, string, string?]> {
  const rows: Array<[string, string | null, string?]> = (() => {
    switch (entry.kind) {
      case "revision":
        return [[t("timeline.note"), entry.note]];
      case "stage":
        return [[t("timeline.comment"), entry.comment]];
      case "ballot":
        return [[t("timeline.reason"), entry.reason]];
      case "decision":
        return [
          [t("timeline.reason"), entry.reason],
          [t("timeline.feedback"), entry.feedback, entry.feedbackLanguage ?? undefined],
        ];
      case "evidence":
        return [[t("timeline.note"), entry.citation]];
      case "signOff":
        return [[t("timeline.note"), entry.note]];
      case "validation":
        return [[t("timeline.comment"), entry.comments]];
      case "review":
        return [[t("timeline.comment"), entry.comment]];
    }
  })();
  return rows.filter((row): row is [string, string, string?] => Boolean(row[1]));
}

/** `t` is the root translator: entries use the timeline, stories, triangulation, validation and review messages. */
export function StoryTimeline({
  entries,
  t,
  when,
}: {
  entries: TimelineEntry[];
  t: Translate;
  when: (date: Date) => string;
}) {
  if (entries.length === 0) return <p className="muted">{t("timeline.empty")}</p>;
  return (
    <ol className={styles.timeline}>
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${entry.at.getTime()}-${index}`} className={styles.entry}>
          <p className={styles.headline}>{headline(entry, t)}</p>
          <p className="muted">
            <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time> ·{" "}
            {entry.actorName ? t("timeline.by", { name: entry.actorName }) : t("timeline.bySystem")}
          </p>
          {details(entry, t).map(([label, text, lang]) => (
            <p key={label} className={styles.detail}>
              <span className={styles.label}>{label}: </span>
              <span lang={lang}>{text}</span>
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
