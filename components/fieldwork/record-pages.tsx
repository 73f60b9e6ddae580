/**
 * What the pages of a fieldwork record do around what they draw, alike for both kinds: the
 * sign-in (back to the same address after it), the reads or 404, the tab title, and for the form
 * pages the header with its way back. Server only: the pages call these.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import type { ExcerptView } from "@/lib/excerpts/data";
import { fieldworkPath, type FieldworkKind } from "@/lib/fieldwork/kinds";

type RecordPageView<R> = { record: R; excerpts: ExcerptView[]; canEdit: boolean };
type LoadPage<R> = (evaluationId: string, recordId: string, reader: CurrentUser) => Promise<RecordPageView<R> | null>;

/** The tab title of a record's page: the kind's title with the record's day, or "not found". */
export async function recordPageMetadata(
  kind: FieldworkKind,
  view: { record: { date: Date } } | null,
): Promise<Metadata> {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (!view) return { title: t("notFound.metaTitle") };
  const date = format.dateTime(view.record.date, { dateStyle: "long" });
  return { title: t(`fieldwork.${kind.messages}.detailTitle`, { date }) };
}

/** Opens a record's page, or answers 404; `viewProps` are what RecordView takes of it. */
export async function openRecordPage<R extends { date: Date }>(
  kind: FieldworkKind,
  evaluationId: string,
  recordId: string,
  load: LoadPage<R>,
) {
  const user = await requireUser(fieldworkPath(kind, evaluationId, recordId));
  const view = await load(evaluationId, recordId, user);
  if (!view) notFound();
  const [t, format] = await Promise.all([getTranslations("fieldwork"), getFormatter()]);
  const { record, excerpts, canEdit } = view;
  return {
    record,
    t,
    format,
    none: t("detail.none"),
    date: format.dateTime(record.date, { dateStyle: "long" }),
    viewProps: { kind, evaluationId, recordId, record, excerpts, canEdit, viewerName: user.name },
  };
}

/** The tab title of a form's page: the kind's "new" or "edit" title. */
export async function recordFormMetadata(kind: FieldworkKind, page: "newTitle" | "editTitle"): Promise<Metadata> {
  const t = await getTranslations("fieldwork");
  return { title: t(`${kind.messages}.${page}`) };
}

/** The form for a new record, or 404. */
export async function openNewRecordForm<F>(
  kind: FieldworkKind,
  evaluationId: string,
  load: (evaluationId: string, reader: CurrentUser) => Promise<F | null>,
): Promise<F> {
  const user = await requireUser(`${fieldworkPath(kind, evaluationId)}/new`);
  const form = await load(evaluationId, user);
  if (!form) notFound();
  return form;
}

/** The edit form of a stored record, or 404. */
export async function openRecordForm<F>(
  kind: FieldworkKind,
  evaluationId: string,
  recordId: string,
  load: (evaluationId: string, recordId: string, reader: CurrentUser) => Promise<F | null>,
): Promise<F> {
  const user = await requireUser(`${fieldworkPath(kind, evaluationId, recordId)}/edit`);
  const form = await load(evaluationId, recordId, user);
  if (!form) notFound();
  return form;
}

/** A form page's header: back to the list for a new record, back to the record for an edit. */
export async function RecordFormHeader({
  kind,
  evaluationId,
  recordId,
  evaluationName,
}: {
  kind: FieldworkKind;
  evaluationId: string;
  /** The record being edited; none for a new one. */
  recordId?: string;
  evaluationName: string;
}) {
  const t = await getTranslations("fieldwork");
  const back =
    recordId === undefined ? (
      <Link href={fieldworkPath(kind, evaluationId)}>{t(`${kind.messages}.backToList`)}</Link>
    ) : (
      <Link href={fieldworkPath(kind, evaluationId, recordId)}>{t(kind.backToRecord)}</Link>
    );
  const title = t(`${kind.messages}.${recordId === undefined ? "newTitle" : "editTitle"}`);
  return <PageHeader before={back} title={title} description={evaluationName} />;
}
