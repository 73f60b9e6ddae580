import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChooseQuotation, QuotationTranslationForm, RemoveQuotation } from "@/components/quotations/quotation-forms";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadStoryQuotations } from "@/lib/quotations/loaders";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ evaluationId: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const view = await loadStoryQuotations(evaluationId, storyId, await getAuthorizedUser());
  const t = await getTranslations();
  return { title: view ? t("quotations.meta.title", { code: view.story.code }) : t("notFound.metaTitle") };
}

/** The passages of an outcome the brief may quote, with the consent that decides whether it does. */
export default async function StoryQuotationsPage({ params }: Props) {
  const { evaluationId, storyId } = await params;
  const storyPath = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${storyPath}/quotations`);
  const view = await loadStoryQuotations(evaluationId, storyId, user);
  if (!view) notFound();
  const t = await getTranslations("quotations");
  const { story, quotations, candidates, canEdit } = view;
  const languageName = (code: string | null) =>
    code === "es" || code === "en" ? t(`languages.${code}`) : (code ?? "");

  return (
    <>
      <PageHeader
        before={<Link href={`${storyPath}/triangulation`}>{t("page.back")}</Link>}
        title={
          <>
            <span className="code">{story.code}</span> {t("page.title")}
          </>
        }
        description={story.title}
      />
      <p>{t("page.intro")}</p>
      {canEdit ? null : <p className="notice">{t("page.closed")}</p>}

      <Section id="quotations-chosen" title={t("list.caption")}>
        {quotations.length === 0 ? <p>{t("page.none")}</p> : null}
        {quotations.map((quotation) => (
          <article key={quotation.id} className="section" aria-label={t("list.quotation")}>
            <blockquote lang={quotation.language}>{quotation.text}</blockquote>
            <p className={quotation.consented ? undefined : "notice"}>
              {quotation.consented ? t("page.printed") : t("page.notPrinted")}
            </p>
            {quotation.translation ? (
              <>
                <blockquote lang={quotation.translationLanguage ?? undefined}>{quotation.translation}</blockquote>
                <p className="muted">
                  {t("page.translatedBy", {
                    language: languageName(quotation.translationLanguage),
                    name: quotation.translatedBy?.name ?? "—",
                  })}
                </p>
              </>
            ) : null}
            {canEdit ? (
              <>
                <QuotationTranslationForm evaluationId={evaluationId} quotation={quotation} />
                <p className="actions">
                  <RemoveQuotation evaluationId={evaluationId} quotationId={quotation.id} version={quotation.version} />
                </p>
              </>
            ) : null}
          </article>
        ))}
      </Section>

      {candidates ? (
        <Section id="quotations-candidates" title={t("list.candidates")}>
          {candidates.length === 0 ? <p>{t("page.noCandidates")}</p> : null}
          <ul>
            {candidates.map((excerpt) => (
              <li key={excerpt.id}>
                <blockquote>{excerpt.text}</blockquote>
                {excerpt.consented ? (
                  <ChooseQuotation evaluationId={evaluationId} storyId={storyId} excerptId={excerpt.id} />
                ) : (
                  <p className="notice">{t("choose.noConsent")}</p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
