/**
 * A story as saved: every field of the snapshot, grouped as on the form. Storytellers appear as
 * respondent codes only; sources are links for readers who may open them.
 */
import Link from "next/link";
import type { ReactNode } from "react";
import { StaticTable } from "@/components/ui/static-table";
import type { StorySnapshot } from "@/lib/stories/snapshot";
import { dynamic, localizedName, type StoriesT } from "./form-types";
import { formatDay, formatFigure, formatPeriod, type Formatter } from "./format";
import styles from "./stories.module.css";
import { evaluationPath } from "@/lib/evaluations/paths";
import { Section } from "@/components/ui/section";

type Props = {
  snapshot: StorySnapshot;
  evaluationId: string;
  locale: string;
  t: StoriesT;
  format: Formatter;
  /** Links to respondents and to interviews/focus groups, for readers who may open them. */
  links: { respondents: boolean; fieldwork: boolean };
  /** Passages quoted by excerpts, for readers who may see transcripts. */
  excerptQuotes: Map<string, string> | null;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Text({ value, empty, lang }: { value: string | null; empty: string; lang?: string }) {
  return value ? (
    <div className={styles.longText} lang={lang}>
      {value}
    </div>
  ) : (
    <span className="muted">{empty}</span>
  );
}

const knownLang = (code: string | null) => (code === "es" || code === "en" ? code : undefined);

export function StoryView({ snapshot: s, evaluationId, locale, t, format, links, excerptQuotes }: Props) {
  const none = t("detail.none");
  const base = evaluationPath(evaluationId);
  const lang = knownLang(s.originalLanguage);
  const list = (items: ReactNode[]) =>
    items.length ? <ul className="plain-list">{items}</ul> : <span className="muted">{none}</span>;
  const sourceHref = (source: StorySnapshot["sources"][number]) => {
    if (source.kind === "INTERVIEW") return `${base}/interviews/${encodeURIComponent(source.id)}`;
    if (source.kind === "FOCUS_GROUP") return `${base}/focus-groups/${encodeURIComponent(source.id)}`;
    const parent = source.interviewId
      ? `interviews/${encodeURIComponent(source.interviewId)}`
      : `focus-groups/${encodeURIComponent(source.focusGroupId ?? "")}`;
    return `${base}/${parent}#excerpt-${encodeURIComponent(source.id)}`;
  };
  const sourceLabel = (source: StorySnapshot["sources"][number]) => {
    const date = formatDay(source.date, format);
    if (source.kind === "INTERVIEW") return t("detail.sourceInterview", { date });
    if (source.kind === "FOCUS_GROUP") return t("detail.sourceFocusGroup", { date, topic: source.topic ?? "" });
    return source.interviewId
      ? t("detail.sourceExcerptInterview", { date })
      : t("detail.sourceExcerptFocusGroup", { date });
  };

  return (
    <>
      <Section id="story-text-title" title={t("fieldsets.story")}>
        <dl className="facts">
          <Fact label={t("fields.whatChanged")}>
            <Text value={s.whatChanged} empty={none} lang={lang} />
          </Fact>
          <Fact label={t("fields.whySignificant")}>
            <Text value={s.whySignificant} empty={none} lang={lang} />
          </Fact>
          <Fact label={t("fields.changeType")}>{dynamic(t, `changeTypes.${s.changeType}`)}</Fact>
          <Fact label={t("fieldsets.period")}>{formatPeriod(s, format, t)}</Fact>
          <Fact label={t("fields.originalLanguage")}>
            <span className="code">{s.originalLanguage}</span>
          </Fact>
          <Fact label={t("fields.collectedBy")}>{s.collectedBy?.name ?? none}</Fact>
        </dl>
      </Section>

      <Section id="story-where-title" title={t("fieldsets.whereAndWho")}>
        <dl className="facts">
          <Fact label={t("fields.places")}>
            {list(
              s.places.map((p) => (
                <li key={p.id}>{[p.state, p.municipality, p.community].filter(Boolean).join(" · ")}</li>
              )),
            )}
          </Fact>
          <Fact label={t("fields.sectors")}>
            {list(s.sectors.map((sector) => <li key={sector.id}>{localizedName(sector, locale)}</li>))}
          </Fact>
          <Fact label={t("fields.priorityTags")}>
            {list(s.priorityTags.map((tag) => <li key={tag.id}>{localizedName(tag, locale)}</li>))}
          </Fact>
          <Fact label={t("fields.atRiskGroups")}>
            {list(
              s.atRiskGroups.map((row) => (
                <li key={row.id}>
                  {localizedName(row, locale)}
                  {row.note ? <span className="muted"> — {row.note}</span> : null}
                </li>
              )),
            )}
          </Fact>
        </dl>
      </Section>

      <Section id="story-figures-title" title={t("fieldsets.figures")}>
        {s.figures.length === 0 ? (
          <p className="muted">{t("figure.empty")}</p>
        ) : (
          <StaticTable
            captionId="story-figures-caption"
            caption={t("detail.figuresCaption", { count: s.figures.length })}
            columns={[t("figure.label"), t("figure.value"), t("figure.labelTranslation")]}
          >
            {s.figures.map((figure) => (
              <tr key={figure.id}>
                <th scope="row" lang={lang}>
                  {figure.label}
                </th>
                <td>{formatFigure(figure, locale, t)}</td>
                <td>{figure.labelTranslation ?? none}</td>
              </tr>
            ))}
          </StaticTable>
        )}
      </Section>

      <Section id="story-contribution-title" title={t("fieldsets.contribution")}>
        <dl className="facts">
          <Fact label={t("fields.contributionNarrative")}>
            <Text value={s.contributionNarrative} empty={none} />
          </Fact>
          <Fact label={t("fields.contributions")}>
            {list(
              s.contributions.map((row) => (
                <li key={row.projectId}>
                  <span className="plain-list__label">{row.acronym}</span> ({row.name}): {row.howContributed}
                </li>
              )),
            )}
          </Fact>
        </dl>
      </Section>

      <Section id="story-sustainability-title" title={t("fieldsets.sustainability")}>
        <dl className="facts">
          <Fact label={t("fields.sustainabilityAssessment")}>
            <Text value={s.sustainabilityAssessment} empty={none} />
          </Fact>
          <Fact label={t("fields.sustainabilityConditions")}>
            <Text value={s.sustainabilityConditions} empty={none} />
          </Fact>
          <Fact label={t("fields.sustainabilityRisks")}>
            <Text value={s.sustainabilityRisks} empty={none} />
          </Fact>
        </dl>
      </Section>

      <Section id="story-people-title" title={t("fieldsets.people")}>
        <dl className="facts">
          <Fact label={t("fields.storytellers")}>
            {list(
              s.storytellers.map((teller) => (
                <li key={teller.respondentId} className="code">
                  {links.respondents ? (
                    <Link href={`${base}/respondents/${encodeURIComponent(teller.respondentId)}`}>{teller.code}</Link>
                  ) : (
                    teller.code
                  )}
                </li>
              )),
            )}
          </Fact>
          <Fact label={t("fields.sources")}>
            {list(
              s.sources.map((source) => {
                const quote = source.kind === "EXCERPT" ? excerptQuotes?.get(source.id) : undefined;
                return (
                  <li key={`${source.kind}:${source.id}`}>
                    {links.fieldwork ? (
                      <Link href={sourceHref(source)}>{sourceLabel(source)}</Link>
                    ) : (
                      sourceLabel(source)
                    )}
                    {quote ? (
                      <blockquote className={styles.quote} lang={lang}>
                        {quote}
                      </blockquote>
                    ) : null}
                  </li>
                );
              }),
            )}
          </Fact>
        </dl>
      </Section>

      <Section id="story-translation-title" title={t("fieldsets.translation")}>
        <dl className="facts">
          <Fact label={t("fields.translationLanguage")}>
            {s.translationLanguage ? <span className="code">{s.translationLanguage}</span> : none}
          </Fact>
          <Fact label={t("fields.translatedBy")}>{s.translatedBy?.name ?? none}</Fact>
          <Fact label={t("fields.titleTranslation")}>
            <Text value={s.titleTranslation} empty={none} lang={knownLang(s.translationLanguage)} />
          </Fact>
          <Fact label={t("fields.whatChangedTranslation")}>
            <Text value={s.whatChangedTranslation} empty={none} lang={knownLang(s.translationLanguage)} />
          </Fact>
          <Fact label={t("fields.whySignificantTranslation")}>
            <Text value={s.whySignificantTranslation} empty={none} lang={knownLang(s.translationLanguage)} />
          </Fact>
        </dl>
      </Section>
    </>
  );
}
