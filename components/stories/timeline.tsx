/**
 * A story's timeline as an ordered list, newest first. Each entry says what happened, who did it
 * and when, with its reason or comment in full. Server component: no script needed.
 */
import type { TimelineEntry } from "@/lib/stories/timeline-data";
import styles from "./timeline.module.css";

type Translate = (key: string, values?: Record<string, string | number>) => string;

function headline(entry: TimelineEntry, t: Translate, stage: (value: string) => string): string {
  switch (entry.kind) {
    case "revision":
      return t("revision", { version: entry.version });
    case "stage":
      return t("stage", { from: entry.from ? stage(entry.from) : "—", to: entry.to ? stage(entry.to) : "—" });
    case "ballot": {
      const vote =
        entry.rank !== null ? t("rank", { rank: entry.rank }) : entry.score !== null ? t("score", { score: entry.score }) : entry.approved ? t("approved") : t("notApproved");
      return `${t("ballot", { round: entry.round })}: ${vote}`;
    }
    case "decision":
      return t(entry.selected ? "selected" : "notSelected", { round: entry.round });
    case "evidence":
      return t("evidence", { sourceType: t(`sourceType.${entry.sourceType}`), stance: t(`stance.${entry.stance}`), strength: t(`strength.${entry.strength}`) });
    case "signOff":
      return t("signOff", { version: entry.version });
    case "validation":
      return t("validation", { respondent: entry.respondentCode, round: entry.round, verdict: t(`verdict.${entry.verdict}`), version: entry.version });
    case "review":
      return t("review", { decision: t(`decision.${entry.decision}`), version: entry.version });
  }
}

/** The free text that goes with an entry, under its label. */
function details(entry: TimelineEntry, t: Translate): Array<[string, string]> {
  const rows: Array<[string, string | null]> = (() => {
    switch (entry.kind) {
      case "revision":
        return [[t("note"), entry.note]];
      case "stage":
        return [[t("comment"), entry.comment]];
      case "ballot":
        return [[t("reason"), entry.reason]];
      case "decision":
        return [
          [t("reason"), entry.reason],
          [t("feedback"), entry.feedback],
        ];
      case "evidence":
        return [[t("note"), entry.citation]];
      case "signOff":
        return [[t("note"), entry.note]];
      case "validation":
        return [[t("comment"), entry.comments]];
      case "review":
        return [[t("comment"), entry.comment]];
    }
  })();
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

export function StoryTimeline({ entries, t, stage, when }: { entries: TimelineEntry[]; t: Translate; stage: (value: string) => string; when: (date: Date) => string }) {
  if (entries.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <ol className={styles.timeline}>
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${entry.at.getTime()}-${index}`} className={styles.entry}>
          <p className={styles.headline}>{headline(entry, t, stage)}</p>
          <p className="muted">
            <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time> · {entry.actorName ? t("by", { name: entry.actorName }) : t("bySystem")}
          </p>
          {details(entry, t).map(([label, text]) => (
            <p key={label} className={styles.detail}>
              <span className={styles.label}>{label}: </span>
              {text}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
