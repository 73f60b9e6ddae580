/**
 * What every page of a fieldwork record does before it renders, for both kinds: sign-in (coming
 * back to this page), the permission in this evaluation, the record in scope — 404 otherwise,
 * the same for a record that does not exist and one the user may not see — and, when the page
 * shows a transcript, the audit event of that read.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { listExcerpts } from "@/lib/excerpts/data";
import { fieldworkAccess } from "@/lib/interviews/access";
import { recordTranscriptRead } from "@/lib/interviews/mutations";
import { getFieldworkFormOptions } from "./data";
import { fieldworkPath, type FieldworkKind } from "./kinds";

type Transcripts = { transcriptOriginal: string | null; transcriptTranslation: string | null };
type Load<R> = (evaluationId: string, recordId: string) => Promise<R | null>;

async function noteTranscriptRead(kind: FieldworkKind, user: CurrentUser, evaluationId: string, recordId: string, record: Transcripts) {
  if (record.transcriptOriginal || record.transcriptTranslation) {
    await recordTranscriptRead({ actorId: user.id, evaluationId, recordType: kind.recordType, recordId });
  }
}

/** A record's page title; "not found" for anyone who may not see the record. */
export async function recordMetadata(kind: FieldworkKind, evaluationId: string, recordId: string, load: Load<{ date: Date }>): Promise<Metadata> {
  const [t, format, user] = await Promise.all([getTranslations(), getFormatter(), getCurrentUser()]);
  const access = user ? await fieldworkAccess(evaluationId, user, "interview.view") : null;
  const record = access ? await load(evaluationId, recordId) : null;
  if (!record) return { title: t("notFound.metaTitle") };
  return { title: t(`fieldwork.${kind.messages}.detailTitle`, { date: format.dateTime(record.date, { dateStyle: "long" }) }) };
}

/** A record's page: the reader, what they may do, the record and its excerpts. */
export async function openRecordPage<R extends Transcripts>(kind: FieldworkKind, evaluationId: string, recordId: string, load: Load<R>) {
  const user = await requireUser(fieldworkPath(kind, evaluationId, recordId));
  const access = await fieldworkAccess(evaluationId, user, "interview.view");
  if (!access) notFound();
  const record = await load(evaluationId, recordId);
  if (!record) notFound();
  const excerpts = await listExcerpts(evaluationId, kind.excerptsOf(recordId), { original: record.transcriptOriginal, translation: record.transcriptTranslation });
  await noteTranscriptRead(kind, user, evaluationId, recordId, record);
  return { user, access, record, excerpts };
}

/** The form options, split from the evaluation's name (which the page header shows). */
async function formOptionsOrNotFound(evaluationId: string) {
  const formOptions = await getFieldworkFormOptions(evaluationId);
  if (!formOptions) notFound();
  const { evaluationName, ...options } = formOptions;
  return { evaluationName, options };
}

/** The form for a new record; whoever opens it is its first team member, when on the team. */
export async function openNewRecordForm(kind: FieldworkKind, evaluationId: string) {
  const user = await requireUser(`${fieldworkPath(kind, evaluationId)}/new`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const { evaluationName, options } = await formOptionsOrNotFound(evaluationId);
  const onTeam = options.team.some((member) => member.userId === user.id);
  return { evaluationName, options, ownTeam: onTeam ? [user.id] : [] };
}

/** The edit form of a stored record; it shows the transcript, so opening it is a read. */
export async function openRecordForm<R extends Transcripts>(kind: FieldworkKind, evaluationId: string, recordId: string, load: Load<R>) {
  const user = await requireUser(`${fieldworkPath(kind, evaluationId, recordId)}/edit`);
  if (!(await fieldworkAccess(evaluationId, user, "interview.edit"))) notFound();
  const [record, form] = await Promise.all([load(evaluationId, recordId), formOptionsOrNotFound(evaluationId)]);
  if (!record) notFound();
  await noteTranscriptRead(kind, user, evaluationId, recordId, record);
  return { record, ...form };
}
