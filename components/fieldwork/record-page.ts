/**
 * What the page of a fieldwork record does before it draws anything, alike for both kinds: the
 * sign-in (back to this address after it), the record in scope or 404, the messages and the
 * record's day as the page writes it. Server only: the pages call it.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
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
