import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RevisionDiff } from "@/components/stories/revision-diff";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { storyAccess } from "@/lib/stories/access";
import { getStoryDetail } from "@/lib/stories/data";
import { diffSnapshots } from "@/lib/stories/diff";
import { getStoryRevisions, listStoryRevisions } from "@/lib/stories/history-data";

type RevisionsPageProps = {
  params: Promise<{ evaluationId: string; storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A version number from the URL, or null: anything but 1–7 digits is ignored, not guessed. */
function versionParam(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,7}$/.test(text) ? Number(text) : null;
}

export async function generateMetadata({ params }: RevisionsPageProps): Promise<Metadata> {
  const { evaluationId, storyId } = await params;
  const user = await getAuthorizedUser();
  const roles = user ? await storyAccess(evaluationId, user, "story.view") : null;
  const story = roles ? await getStoryDetail(evaluationId, storyId) : null;
  const t = await getTranslations();
  return { title: story ? t("stories.meta.revisions", { code: story.snapshot.code }) : t("notFound.metaTitle") };
}

export default async function StoryRevisionsPage({ params, searchParams }: RevisionsPageProps) {
  const { evaluationId, storyId } = await params;
  const path = `/evaluations/${encodeURIComponent(evaluationId)}/stories/${encodeURIComponent(storyId)}`;
  const user = await requireUser(`${path}/revisions`);
  if (!(await storyAccess(evaluationId, user, "story.view"))) notFound();
  const story = await getStoryDetail(evaluationId, storyId);
  if (!story) notFound();

  const [revisions, query, t, format, locale] = await Promise.all([listStoryRevisions(evaluationId, storyId), searchParams, getTranslations("stories"), getFormatter(), getLocale()]);
  const versions = new Set(revisions.map((revision) => revision.version));
  const latest = revisions[0]?.version ?? 1;
  const pick = (wanted: number | null, fallback: number) => (wanted !== null && versions.has(wanted) ? wanted : fallback);
  const to = pick(versionParam(query.to), latest);
  const from = pick(versionParam(query.from), revisions.find((revision) => revision.version < to)?.version ?? to);
  const pair = await getStoryRevisions(evaluationId, storyId, [...new Set([from, to])]);
  const before = pair.get(from)?.snapshot;
  const after = pair.get(to)?.snapshot;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const versionLabel = (revision: (typeof revisions)[number]) => t("revisions.option", { version: revision.version, date: when(revision.createdAt), editor: revision.editorName });

  return (
    <>
      <PageHeader
        before={<Link href={path}>{t("nav.backToStory", { code: story.snapshot.code })}</Link>}
        title={t("revisions.title", { code: story.snapshot.code })}
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
            <select id={`revision-${side}`} name={side} className="field__input" defaultValue={String(side === "from" ? from : to)}>
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

      <section className="section" aria-labelledby="diff-title">
        <h2 id="diff-title">{t("revisions.diffTitle", { from, to })}</h2>
        {from === to ? <p className="muted">{t("revisions.sameVersion")}</p> : null}
        {before && after ? (
          <RevisionDiff changes={diffSnapshots(before, after)} context={{ t, format, locale }} />
        ) : (
          <p className="notice">{t("revisions.unreadable")}</p>
        )}
      </section>
    </>
  );
}
