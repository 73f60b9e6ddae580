import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { evaluationApiPath, evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { BriefDocument } from "@/components/brief/brief-document";
import styles from "@/components/brief/brief.module.css";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadBriefPage } from "@/lib/brief/page-loader";
import { BRIEF_INCLUDES } from "@/lib/brief/policy";
import { briefViewSchema } from "@/lib/brief/schema";

type Props = {
  params: Promise<{ evaluationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function read({ params, searchParams }: Props) {
  const { evaluationId } = await params;
  const query = briefViewSchema.parse(await searchParams);
  const lang = query.lang ?? ((await getLocale()) === "en" ? "en" : "es");
  return { evaluationId, lang, include: query.include };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { evaluationId, lang, include } = await read(props);
  const [view, t] = await Promise.all([loadBriefPage(evaluationId, include, lang), getTranslations()]);
  return { title: view ? t("briefPage.metaTitle", { name: view.content.title.name }) : t("notFound.metaTitle") };
}

/** The learning brief before download: the same content as the Word and PDF files. */
export default async function BriefPage(props: Props) {
  const { evaluationId, lang, include } = await read(props);
  await requireUser(evaluationPath(evaluationId, "brief"));
  const view = await loadBriefPage(evaluationId, include, lang);
  if (!view) notFound();
  const t = await getTranslations("briefPage");
  const download = (format: "docx" | "pdf") =>
    `${evaluationApiPath(evaluationId, "brief")}?${new URLSearchParams({ format, lang, include }).toString()}`;
  const language = t(`languages.${lang}`);
  return (
    <>
      <PageHeader title={`${view.content.title.name}: ${t("title")}`} description={t("intro")} />
      <form method="get" className={styles.options} aria-label={t("options")}>
        <div className="field">
          <label className="field__label" htmlFor="brief-lang">
            {t("language")}
          </label>
          <select id="brief-lang" name="lang" className="field__input" defaultValue={lang}>
            <option value="es">{t("languages.es")}</option>
            <option value="en">{t("languages.en")}</option>
          </select>
        </div>
        {view.canPreviewDrafts ? (
          <div className="field">
            <label className="field__label" htmlFor="brief-include">
              {t("copy")}
            </label>
            <select id="brief-include" name="include" className="field__input" defaultValue={include}>
              {BRIEF_INCLUDES.map((value) => (
                <option key={value} value={value}>
                  {t(`includes.${value}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <nav aria-label={t("downloads")}>
        <ul className={styles.downloads}>
          <li>
            <a href={download("docx")} download>
              {t("downloadDocx", { language })}
            </a>
          </li>
          <li>
            <a href={download("pdf")} download>
              {t("downloadPdf", { language })}
            </a>
          </li>
        </ul>
      </nav>
      <BriefDocument content={view.content} />
    </>
  );
}
