import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RespondentDetail } from "@/lib/respondents/data";
import styles from "./respondents.module.css";
import { evaluationPath } from "@/lib/evaluations/paths";

/** The interviews, focus groups and stories a respondent appears in, as links (each page checks its own access). */
export async function AppearsIn({
  evaluationId,
  respondent,
  show,
}: {
  evaluationId: string;
  respondent: Pick<RespondentDetail, "interviews" | "focusGroups" | "stories">;
  show: { interviews: boolean; stories: boolean };
}) {
  const [t, format] = await Promise.all([getTranslations("respondents.detail"), getFormatter()]);
  const base = evaluationPath(evaluationId);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  return (
    <div className="section-grid">
      {show.interviews ? (
        <>
          <div>
            <h3>{t("interviews")}</h3>
            {respondent.interviews.length === 0 ? (
              <p className="muted">{t("noInterviews")}</p>
            ) : (
              <ul className={styles.linkList}>
                {respondent.interviews.map((interview) => (
                  <li key={interview.id}>
                    <Link href={`${base}/interviews/${encodeURIComponent(interview.id)}`}>
                      {t("interviewLink", { date: day(interview.date) })}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3>{t("focusGroups")}</h3>
            {respondent.focusGroups.length === 0 ? (
              <p className="muted">{t("noFocusGroups")}</p>
            ) : (
              <ul className={styles.linkList}>
                {respondent.focusGroups.map((group) => (
                  <li key={group.id}>
                    <Link href={`${base}/focus-groups/${encodeURIComponent(group.id)}`}>{group.topic}</Link> (
                    {day(group.date)})
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : null}
      {show.stories ? (
        <div>
          <h3>{t("stories")}</h3>
          {respondent.stories.length === 0 ? (
            <p className="muted">{t("noStories")}</p>
          ) : (
            <ul className={styles.linkList}>
              {respondent.stories.map((story) => (
                <li key={story.id}>
                  <Link href={`${base}/stories/${encodeURIComponent(story.id)}`}>
                    <span className="code">{story.code}</span> {story.title}
                  </Link>
                  {story.flaggedSourceDestroyedAt ? <> ({t("storyFlagged")})</> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
