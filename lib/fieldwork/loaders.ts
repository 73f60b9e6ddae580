/**
 * What every page of a fieldwork record reads, for both kinds, with the read policy inside: the
 * permission in this evaluation and the record in scope, or null (the page answers 404, the same
 * for a record that does not exist and one the reader may not see). A page that shows a
 * transcript also writes the audit event of that read. The kinds' own loaders
 * (lib/interviews/loaders.ts, lib/focus-groups/loaders.ts) pass their reads in.
 */
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { listExcerpts } from "@/lib/excerpts/data";
import { can } from "@/lib/permissions";
import { getFieldworkFormOptions } from "./data";
import type { FieldworkKind } from "./kinds";
import { recordTranscriptRead } from "./mutations";

type Transcripts = { transcriptOriginal: string | null; transcriptTranslation: string | null };
type Load<R> = (evaluationId: string, recordId: string) => Promise<R | null>;

async function noteTranscriptRead(
  kind: FieldworkKind,
  actorId: string,
  evaluationId: string,
  recordId: string,
  record: Transcripts,
) {
  if (record.transcriptOriginal || record.transcriptTranslation) {
    await recordTranscriptRead({ actorId, evaluationId, recordType: kind.recordType, recordId });
  }
}

/** A record's page: the record, its excerpts and whether the reader may edit it. */
export async function loadRecordPage<R extends Transcripts>(
  kind: FieldworkKind,
  evaluationId: string,
  recordId: string,
  reader: Reader | null,
  load: Load<R>,
) {
  const access = await accessWith(evaluationId, reader, "interview.view");
  if (!access) return null;
  const record = await load(evaluationId, recordId);
  if (!record) return null;
  const excerpts = await listExcerpts(evaluationId, kind.excerptsOf(recordId), {
    original: record.transcriptOriginal,
    translation: record.transcriptTranslation,
  });
  await noteTranscriptRead(kind, access.user.id, evaluationId, recordId, record);
  return { record, excerpts, canEdit: can(access.roles, "interview.edit") };
}

/** The form options, split from the evaluation's name (which the page header shows). */
async function formOptions(evaluationId: string) {
  const found = await getFieldworkFormOptions(evaluationId);
  if (!found) return null;
  const { evaluationName, ...options } = found;
  return { evaluationName, options };
}

/** The form for a new record; whoever opens it is its first team member, when on the team. */
export async function loadNewRecordForm(evaluationId: string, reader: Reader | null) {
  const access = await accessWith(evaluationId, reader, "interview.edit");
  if (!access) return null;
  const form = await formOptions(evaluationId);
  if (!form) return null;
  const onTeam = form.options.team.some((member) => member.userId === access.user.id);
  return { ...form, ownTeam: onTeam ? [access.user.id] : [] };
}

/** The edit form of a stored record; it shows the transcript, so opening it is a read. */
export async function loadRecordForm<R extends Transcripts>(
  kind: FieldworkKind,
  evaluationId: string,
  recordId: string,
  reader: Reader | null,
  load: Load<R>,
) {
  const access = await accessWith(evaluationId, reader, "interview.edit");
  if (!access) return null;
  const [record, form] = await Promise.all([load(evaluationId, recordId), formOptions(evaluationId)]);
  if (!record || !form) return null;
  await noteTranscriptRead(kind, access.user.id, evaluationId, recordId, record);
  return { record, ...form };
}
