import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { DecisionForm } from "@/components/reviews/decision-form";
import { TranslatedText } from "@/components/reviews/translated-text";
import { VerdictSummary } from "@/components/reviews/verdict-summary";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import styles from "@/components/validation/validation.module.css";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { figureUnitIn, figureValue, outcomeSentence, periodText, textIn } from "@/lib/brief/outcome-sentence";
import type { TranslatableText } from "@/lib/reviews/data";
import { loadReviewStory } from "@/lib/reviews/loaders";
import { shownText, textOrNull } from "@/lib/translations/shown";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const detail = await loadReviewStory(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: detail ? t("reviews.meta.story", { code: detail.story.code }) : t("notFound.metaTitle") };
}

/** A story as its reviewer reads it: de-identified (codes only), with evidence, validation and selection reasons. */
export default async function ReviewStoryPage({ params }: Props) {
  const { evaluationId, storyId } = await params;
  const base = evaluationPath(evaluationId, "reviews");
  const user = await requireUser(evaluationPath(evaluationId, "reviews", storyId));
  const detail = await loadReviewStory(evaluationId, storyId, user);
  if (!detail) notFound();
  const [t, tTriangulation, tStories, format, locale] = await Promise.all([
    getTranslations("reviews"),
    getTranslations("triangulation"),
    getTranslations("stories"),
    getFormatter(),
    getLocale(),
  ]);
  const { story } = detail;
  const lang = locale === "en" ? "en" : "es";
  // The same words as the brief: qualifiers, open periods and a lack of change included.
  const sentence = outcomeSentence(story.outcome, lang);
  const period = periodText(story.outcome, lang);
  const named = (item: { nameEs: string; nameEn: string }) => (lang === "en" ? item.nameEn : item.nameEs);
  const list = (items: Array<{ nameEs: string; nameEn: string }>) => items.map(named).join("; ") || "—";
  const domains = detail.domains.map(
    (domain) =>
      `${domain.position}. ${named(domain)}${domain.kind === "SECONDARY" ? ` (${t("story.secondary")})` : ""}`,
  );
  const figures = story.outcome.figures.map((figure) => {
    const unit = figureUnitIn(lang, story.outcome, figure);
    const value = figureValue(figure, lang, unit.unit);
    return `${textIn(lang, story.outcome, figure.label, figure.labelTranslation) ?? `${figure.label} ${t("story.untranslated")}`}: ${unit.untranslated ? `${value} ${t("story.untranslated")}` : value}`;
  });
  // Each text in the reader's language, or the original with a "not yet translated" marker.
  const translated = (text: TranslatableText, languages = story.languages) => (
    <TranslatedText text={text} lang={lang} languages={languages} />
  );
  const block = (label: string, text: TranslatableText | null) =>
    text ? (
      <>
        <h3>{label}</h3>
        <p>{translated(text)}</p>
      </>
    ) : null;
  const title =
    textOrNull(
      shownText({
        lang,
        sourceLanguage: story.languages.source,
        translationLanguage: story.languages.translation,
        source: story.title,
        translation: story.outcome.titleTranslation,
      }),
    ) ?? story.title;

  return (
    <>
      <PageHeader
        before={<Link href={base}>{t("story.backToQueue")}</Link>}
        title={`${story.code} · ${title}`}
        description={t("story.revision", { version: detail.revision.version })}
      />
      {/* Its own h2, so the h3s below do not follow the h1 directly (axe heading-order). */}
      <Section id="review-outcome" title={t("story.outcome")} className={styles.section}>
        {block(t("story.whatChanged"), story.texts.whatChanged)}
        {block(t("story.whySignificant"), story.texts.whySignificant)}
        <h3>{t("story.asTheBriefSays")}</h3>
        <p>
          {sentence.parts.map((part, index) =>
            part.untranslated ? <em key={index}>{part.text}</em> : <span key={index}>{part.text}</span>,
          )}
        </p>
        <dl>
          <dt>{t("story.changeType")}</dt>
          <dd>{tStories(`changeTypes.${story.changeType}`)}</dd>
          <dt>{t("story.domains")}</dt>
          <dd>{domains.join("; ") || "—"}</dd>
          <dt>{t("story.period")}</dt>
          <dd>{period || "—"}</dd>
          <dt>{t("story.places")}</dt>
          <dd>{story.places.join("; ") || "—"}</dd>
          <dt>{t("story.figures")}</dt>
          <dd>{figures.join("; ") || "—"}</dd>
          <dt>{t("story.sectors")}</dt>
          <dd>{list(story.outcome.sectors)}</dd>
          <dt>{t("story.projects")}</dt>
          <dd>{story.contributions.map((c) => `${c.acronym} (${c.name})`).join("; ") || "—"}</dd>
          <dt>{t("story.priorities")}</dt>
          <dd>{list(story.priorityTags)}</dd>
          <dt>{t("story.atRiskGroups")}</dt>
          <dd>{list(story.atRiskGroups)}</dd>
          <dt>{t("story.storytellers")}</dt>
          <dd>{story.storytellers.join(", ") || "—"}</dd>
        </dl>
        {block(t("story.contribution"), story.texts.contributionNarrative)}
        {story.contributionTexts.length > 0 ? (
          <ul aria-label={t("story.howProjectsContributed")}>
            {story.contributionTexts.map((c) => (
              <li key={c.acronym}>
                {c.acronym}: {translated(c.how)}
              </li>
            ))}
          </ul>
        ) : null}
        {block(t("story.sustainability"), story.texts.sustainabilityAssessment)}
        {story.texts.sustainabilityConditions ? <p>{translated(story.texts.sustainabilityConditions)}</p> : null}
        {story.texts.sustainabilityRisks ? <p>{translated(story.texts.sustainabilityRisks)}</p> : null}
      </Section>

      <Section id="review-evidence" title={t("story.evidence")} className={styles.section}>
        <StaticTable
          empty={detail.evidence.length === 0 ? t("story.noEvidence") : null}
          captionId="evidence-caption"
          // Not the section's own name: the table's scroll region would repeat it (axe landmark-unique).
          caption={t("story.evidenceTable")}
          compact
          columns={(["source", "citation", "shows", "stance", "strength"] as const).map((column) =>
            t(`story.evidenceColumns.${column}`),
          )}
        >
          {detail.evidence.map((item) => (
            <tr key={item.id}>
              <td>{tTriangulation(`sourceTypes.${item.sourceType}`)}</td>
              <td>{item.citation}</td>
              <td>{translated(item.summary, detail.reportLanguages)}</td>
              <td>{tTriangulation(`stances.${item.stance}`)}</td>
              <td>{tTriangulation(`strengths.${item.strength}`)}</td>
            </tr>
          ))}
        </StaticTable>
      </Section>

      <Section id="review-validation" title={t("story.validation")} className={styles.section}>
        <p>
          <VerdictSummary verdicts={detail.verdicts} />
        </p>
        {detail.disputeResolutions.length > 0 ? (
          <>
            <h3>{t("story.disputesResolved", { count: detail.disputeResolutions.length })}</h3>
            <ul>
              {detail.disputeResolutions.map((row, index) => (
                <li key={index}>
                  {format.dateTime(row.resolvedAt, { dateStyle: "medium" })}: {row.resolution}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2>{t("story.reasons")}</h2>
        {detail.reasons.length === 0 ? (
          <p className="muted">{t("story.noReasons")}</p>
        ) : (
          detail.reasonTexts.map((reason, index) => (
            <blockquote key={index}>{translated(reason, detail.reportLanguages)}</blockquote>
          ))
        )}
      </Section>

      <Section id="review-decision" title={t("story.decision")} className={styles.section}>
        {!detail.inReview ? (
          // After a decision the form is gone: the latest decision says what was done.
          <p className="notice" role="status">
            {detail.reviews[0]
              ? t("story.lastDecision", {
                  decision: t(`decision.${detail.reviews[0].decision}`),
                  version: detail.reviews[0].revisionVersion,
                })
              : t("story.notInReview")}
          </p>
        ) : detail.canDecide ? (
          <DecisionForm evaluationId={evaluationId} storyId={detail.id} storyRevisionId={detail.revision.id} />
        ) : null}
        {detail.reviews.length > 0 ? (
          <>
            <h3>{t("story.history")}</h3>
            <ul>
              {detail.reviews.map((review) => (
                <li key={review.id}>
                  {format.dateTime(review.createdAt, { dateStyle: "medium" })} · {t(`decision.${review.decision}`)} ·{" "}
                  {t("story.revisionShort", { version: review.revisionVersion })}
                  {review.comment ? `: ${review.comment}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </>
  );
}
