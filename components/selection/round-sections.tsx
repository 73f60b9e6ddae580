/** Server-rendered parts of a round's page: the tally (chart + table), who has voted, and the decision. */
import type { getFormatter, getTranslations } from "next-intl/server";
import type { RoundDetail } from "@/lib/selection/data";
import type { Tally } from "@/lib/selection/tally";
import styles from "./selection.module.css";
import { TallyChart } from "./tally-chart";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Section } from "@/components/ui/section";

type T = Awaited<ReturnType<typeof getTranslations<"selection">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;
type Story = RoundDetail["candidates"][number]["story"];

export function TallySection({
  tally,
  stories,
  reasons,
  t,
}: {
  tally: Tally;
  stories: Map<string, Story>;
  reasons: Array<{ storyId: string; reason: string; panelist: { name: string } }>;
  t: T;
}) {
  const valueLabel = t(`tally.value.${tally.method}`);
  const rows = tally.rows.map((row) => ({ ...row, story: stories.get(row.storyId)! }));
  return (
    <Section id="tally-title" title={t("tally.title")}>
      <p className="muted">
        {t(`tally.explain.${tally.method}`)} {t("tally.voters", { count: tally.voters })}
      </p>
      {tally.tieAtCutoff ? <p className="notice">{t("tally.tieAtCutoff")}</p> : null}
      <TallyChart
        rows={rows.map((row) => ({ code: row.story.code, value: row.value }))}
        valueLabel={valueLabel}
        title={t("tally.title")}
      />
      <ScrollRegion labelledBy="tally-caption">
        <table className="table">
          <caption id="tally-caption">{t("tally.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tally.position")}</th>
              <th scope="col">{t("tally.story")}</th>
              <th scope="col">{valueLabel}</th>
              {tally.method === "SCORING" ? <th scope="col">{t("tally.total")}</th> : null}
              <th scope="col">{t("tally.ballots")}</th>
              <th scope="col">{t("tally.tie")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.storyId}>
                <td>{row.position}</td>
                <th scope="row">
                  <span className="code">{row.story.code}</span> {row.story.title}
                </th>
                <td>{row.value}</td>
                {tally.method === "SCORING" ? <td>{row.total}</td> : null}
                <td>{row.ballots}</td>
                <td>{row.tied ? <span className={styles.tied}>{t("tally.tied")}</span> : t("tally.notTied")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {reasons.length ? (
        <>
          <h3>{t("tally.reasons")}</h3>
          {rows.map((row) => {
            const mine = reasons.filter((reason) => reason.storyId === row.storyId);
            return mine.length ? (
              <div key={row.storyId}>
                <h4>
                  <span className="code">{row.story.code}</span> {row.story.title}
                </h4>
                <ul>
                  {mine.map((reason, index) => (
                    <li key={index}>
                      <strong>{reason.panelist.name}:</strong> {reason.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null;
          })}
        </>
      ) : null}
    </Section>
  );
}

export function VotersSection({
  members,
  voterIds,
  t,
}: {
  members: Array<{ id: string; name: string }>;
  voterIds: Set<string>;
  t: T;
}) {
  return (
    <Section id="voters-title" title={t("voters.title")}>
      <p className="muted">
        {t("voters.explain", { voted: members.filter((m) => voterIds.has(m.id)).length, total: members.length })}
      </p>
      <ul className="plain-list">
        {members.map((member) => (
          <li key={member.id}>
            {member.name}: {voterIds.has(member.id) ? t("voters.voted") : t("voters.notYet")}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function DecisionView({
  decision,
  stories,
  t,
  format,
}: {
  decision: NonNullable<RoundDetail["decision"]>;
  stories: Story[];
  t: T;
  format: Format;
}) {
  const chosen = new Map(decision.selectedStories.map((row) => [row.storyId, row.reason]));
  const feedback = new Map(decision.feedback.map((row) => [row.storyId, row]));
  return (
    <Section id="decision-title" title={t("decision.title")}>
      <p className="muted">
        {t("decision.recorded", {
          name: decision.decidedBy.name,
          date: format.dateTime(decision.decidedAt, { dateStyle: "medium", timeStyle: "short" }),
        })}
      </p>
      <h3>{t("decision.selected")}</h3>
      <ul>
        {stories
          .filter((story) => chosen.has(story.id))
          .map((story) => (
            <li key={story.id}>
              <span className="code">{story.code}</span> {story.title}: {chosen.get(story.id)}
            </li>
          ))}
      </ul>
      <h3>{t("decision.notSelected")}</h3>
      <ul>
        {stories
          .filter((story) => !chosen.has(story.id))
          .map((story) => (
            <li key={story.id}>
              <span className="code">{story.code}</span> {story.title}
            </li>
          ))}
      </ul>
      <h3>{t("decision.dissent")}</h3>
      <p>{decision.dissent ?? t("decision.noDissent")}</p>
      <h3>{t("decision.feedback")}</h3>
      <dl className="facts">
        {stories.map((story) => {
          const told = feedback.get(story.id);
          return (
            <div key={story.id} className="facts__item">
              <dt>
                <span className="code">{story.code}</span> {story.title}
              </dt>
              <dd lang={told?.language} className={styles.reminderText}>
                {told?.text ?? t("decision.noFeedback")}
              </dd>
            </div>
          );
        })}
      </dl>
    </Section>
  );
}
