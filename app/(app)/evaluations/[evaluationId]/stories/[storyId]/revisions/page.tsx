import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { evaluationPath } from "@/lib/evaluations/paths";
import { getLocale } from "@/lib/i18n/locale";
import { RevisionDiff } from "@/components/stories/revision-diff";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { diffSnapshots } from "@/lib/stories/diff";
import { loadStoryRevisions } from "@/lib/stories/loaders";
import { Section } from "@/components/ui/section";

type RevisionsPageProps = {
  params: Promise<{ evaluationId: string; storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A version number from the URL, or null: anything but 1–7 digits is ignored, not guessed. */
function versionParam(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,7}$/.test(text) ? Number(text) : null;
}

/** The versions asked for in the URL, as the loader takes them (its cache is shared with the metadata). */
async function wanted(searchParams: RevisionsPageProps["searchParams"]): Promise<[number | null, number | null]> {
  const query = await searchParams;
  return [versionParam(query.from), versionParam(query.to)];
}

export async function generateMetadata({ params, searchParams }: RevisionsPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const [user, [from, to], t] = await Promise.all([getAuthorizedUser(), wanted(searchParams), getTranslations()]);
  const view = await loadStoryRevisions(evaluationId, storyId, user, from, to);
  return { title: view ? t("stories.meta.revisions", { code: view.story.code }) : t("notFound.metaTitle") };
}

export default async function StoryRevisionsPage({ params, searchParams }: RevisionsPageProps) {
  const { evaluationId, storyId } = await params;
  const path = evaluationPath(evaluationId, "stories", storyId);
  const user = await requireUser(`${path}/revisions`);
  const [wantedFrom, wantedTo] = await wanted(searchParams);
  const view = await loadStoryRevisions(evaluationId, storyId, user, wantedFrom, wantedTo);
  if (!view) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("stories"), getFormatter(), getLocale()]);
  const { story, revisions, from, to, before, after } = view;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const versionLabel = (revision: (typeof revisions)[number]) =>
    t("revisions.option", { version: revision.version, date: when(revision.createdAt), editor: revision.editorName });

  return (
    <>
      <PageHeader
        before={<Link href={path}>{t("nav.backToStory", { code: story.code })}</Link>}
        title={t("revisions.title", { code: story.code })}
        description={t("revisions.intro")}
      />

      <StaticTable
        captionId="revisions-caption"
        caption={t("revisions.caption", { count: revisions.length })}
        compact
        columns={[t("revisions.version"), t("revisions.savedAt"), t("revisions.editor"), t("revisions.note")]}
      >
        {revisions.map((revision) => (
          <tr key={revision.version}>
            <td className="code">{revision.version}</td>
            <td>
              <time dateTime={revision.createdAt.toISOString()}>{when(revision.createdAt)}</time>
            </td>
            <td>{revision.editorName}</td>
            <td>{revision.note ?? ""}</td>
          </tr>
        ))}
      </StaticTable>

      <form className="filters" method="get" action={`${path}/revisions`} aria-label={t("revisions.compareLabel")}>
        {(["from", "to"] as const).map((side) => (
          <div className="field" key={side}>
            <label className="field__label" htmlFor={`revision-${side}`}>
              {side === "from" ? t("revisions.from") : t("revisions.to")}
            </label>
            <select
              id={`revision-${side}`}
              name={side}
              className="field__input"
              defaultValue={String(side === "from" ? from : to)}
            >
              {revisions.map((revision) => (
                <option key={revision.version} value={revision.version}>
                  {versionLabel(revision)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t("revisions.compare")}
          </button>
        </div>
      </form>

      <Section id="diff-title" title={t("revisions.diffTitle", { from, to })}>
        {from === to ? <p className="muted">{t("revisions.sameVersion")}</p> : null}
        {before && after ? (
          <RevisionDiff changes={diffSnapshots(before, after)} context={{ t, format, locale }} />
        ) : (
          <p className="notice">{t("revisions.unreadable")}</p>
        )}
      </Section>
    </>
  );
}
