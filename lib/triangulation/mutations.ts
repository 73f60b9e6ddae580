/**
 * Evidence items and the analyst's sign-off. Each write is ONE transaction: lock the story row
 * (evidence writes share it; a sign-off takes it alone, so it never misses evidence being written
 * at the same moment, and the future stage step, which updates the row, waits for both), check the
 * stage, write, and record the audit event with before/after — attachment metadata and hash,
 * never the bytes. Edits and deletions name the version the analyst loaded (CONFLICT otherwise).
 * Called by the actions, the seed and the tests with explicit ids; never reads the session.
 */
import "server-only";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { recordAudit } from "@/lib/audit";
import { changedFields } from "@/lib/core/changed-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { refusals, type Refused } from "@/lib/core/refusal";
import { sourceDigest } from "@/lib/translations/digest";
import type { CheckedUpload } from "@/lib/uploads/file-check";
import { loadTriangulationFacts, storedEvidenceSelect } from "./data";
import { evidenceBlockers, hasCurrentSignOff, isTriangulationStage, type EvidenceBlocker } from "./policy";
import type { EvidenceFields } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * Why an evidence write or a sign-off is refused: the story is not in a triangulation stage, the
 * figure is not the story's, a current sign-off exists; and why the contribution and
 * sustainability form is (verification-mutations.ts): the rest of the story no longer passes the
 * story form, so its authors must fix it. A sign-off's blockers come as `blockers`, not as a reason.
 */
export const TRIANGULATION_REFUSALS = [
  "STAGE_LOCKED",
  "FIGURE_NOT_IN_STORY",
  "ALREADY_SIGNED_OFF",
  "STORY_NEEDS_AUTHORS",
] as const;
export type TriangulationRefusal = (typeof TRIANGULATION_REFUSALS)[number];
const { refuse, asResults } = refusals<TriangulationRefusal>();

/** A file that passed lib/uploads/file-check.ts. */
export type Attachment = Pick<CheckedUpload, "fileName" | "mimeType" | "sizeBytes" | "sha256" | "content">;

async function lockStory(tx: Tx, evaluationId: string, storyId: string, mode: "share" | "update") {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<
          Array<{ stage: StoryStage; version: number }>
        >`SELECT stage::text AS stage, version FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR SHARE`
      : await tx.$queryRaw<
          Array<{ stage: StoryStage; version: number }>
        >`SELECT stage::text AS stage, version FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  const story = rows[0];
  if (!story) throw new AppError("NOT_FOUND");
  if (!isTriangulationStage(story.stage)) throw refuse("STAGE_LOCKED");
  return story;
}

/** The figure must be one of this story's: another story's (or evaluation's) is refused next to the field. */
async function checkFigure(tx: Tx, evaluationId: string, storyId: string, figureId: string | null) {
  if (!figureId) return;
  const figure = await tx.storyFigure.findFirst({
    where: { id: figureId, storyId, evaluationId },
    select: { id: true },
  });
  if (!figure) throw refuse("FIGURE_NOT_IN_STORY", "figureId");
}

/** What the audit keeps of an item: its fields and the attachment's metadata. */
function audited(
  item: EvidenceFields & {
    fileName: string | null;
    mimeType: string | null;
    sizeBytes: number | null;
    contentSha256: string | null;
  },
) {
  return {
    sourceType: item.sourceType,
    citation: item.citation,
    whatItShows: item.whatItShows,
    whatItShowsTranslation: item.whatItShowsTranslation ?? null,
    stance: item.stance,
    strength: item.strength,
    figureId: item.figureId,
    response: item.response,
    supportNote: item.supportNote,
    fileName: item.fileName,
    mimeType: item.mimeType,
    sizeBytes: item.sizeBytes,
    contentSha256: item.contentSha256,
  };
}

function attachmentColumns(file: Attachment | null) {
  return file
    ? {
        fileName: file.fileName,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        contentSha256: file.sha256,
        content: file.content,
      }
    : { fileName: null, mimeType: null, sizeBytes: null, contentSha256: null, content: null };
}

/**
 * Who translated the summary, when, and from which text: set when the translation is new or
 * changed (its translator is whoever saved it), cleared with it, kept otherwise, so a changed
 * summary under an unchanged translation shows it stale (decision 0038).
 */
function translationColumns(
  actorId: string,
  evidence: EvidenceFields,
  stored: { whatItShowsTranslation: string | null } | null,
) {
  if (evidence.whatItShowsTranslation === undefined) return {};
  if (!evidence.whatItShowsTranslation) return { translatedById: null, translatedAt: null, translatedFrom: null };
  if (stored && stored.whatItShowsTranslation === evidence.whatItShowsTranslation) return {};
  return { translatedById: actorId, translatedAt: new Date(), translatedFrom: sourceDigest(evidence.whatItShows) };
}

export type SavedEvidence = { ok: true; evidenceId: string; storyId: string; version: number };

export async function createEvidence(input: {
  actorId: string;
  evaluationId: string;
  storyId: string;
  evidence: EvidenceFields;
  file: Attachment | null;
  ipAddress?: string | null;
}): Promise<SavedEvidence | Refused<TriangulationRefusal>> {
  const { actorId, evaluationId, storyId, evidence } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockStory(tx, evaluationId, storyId, "share");
      await checkFigure(tx, evaluationId, storyId, evidence.figureId);
      const attachment = attachmentColumns(input.file);
      const created = await tx.evidenceItem.create({
        data: {
          ...evidence,
          ...attachment,
          ...translationColumns(actorId, evidence, null),
          evaluationId,
          storyId,
          addedById: actorId,
          version: 1,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "evidence.create",
        recordType: "EvidenceItem",
        recordId: created.id,
        after: { storyId, ...audited({ ...evidence, ...attachment }), version: 1 },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, evidenceId: created.id, storyId, version: 1 };
    }, TRANSACTION_OPTIONS),
  );
}

async function findStored(tx: Tx, evaluationId: string, evidenceId: string) {
  const stored = await tx.evidenceItem.findFirst({
    where: { id: evidenceId, evaluationId },
    select: storedEvidenceSelect,
  });
  if (!stored) throw new AppError("NOT_FOUND");
  return stored;
}

/** Saves over `expectedVersion`. A new file replaces the stored one; `removeFile` drops it. */
export async function updateEvidence(input: {
  actorId: string;
  evaluationId: string;
  evidenceId: string;
  expectedVersion: number;
  evidence: EvidenceFields;
  file: Attachment | null;
  removeFile: boolean;
  ipAddress?: string | null;
}): Promise<SavedEvidence | Refused<TriangulationRefusal>> {
  const { actorId, evaluationId, evidenceId, expectedVersion, evidence } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await findStored(tx, evaluationId, evidenceId);
      await lockStory(tx, evaluationId, stored.storyId, "share");
      if (stored.version !== expectedVersion) throw new AppError("CONFLICT", "stale evidence version");
      await checkFigure(tx, evaluationId, stored.storyId, evidence.figureId);
      const attachment = input.file ? attachmentColumns(input.file) : input.removeFile ? attachmentColumns(null) : {};
      const updated = await tx.evidenceItem.updateMany({
        where: { id: evidenceId, evaluationId, version: expectedVersion },
        data: {
          ...evidence,
          ...attachment,
          ...translationColumns(actorId, evidence, stored),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "evidence version moved on");
      const { storyId: _storyId, version: _version, ...beforeFields } = stored;
      const kept =
        evidence.whatItShowsTranslation === undefined ? { whatItShowsTranslation: stored.whatItShowsTranslation } : {};
      const afterFields = audited({ ...beforeFields, ...evidence, ...kept, ...attachment });
      const changed = changedFields(audited(beforeFields), afterFields);
      const version = expectedVersion + 1;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "evidence.update",
        recordType: "EvidenceItem",
        recordId: evidenceId,
        before: { ...changed.before, version: expectedVersion },
        after: { ...changed.after, version },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, evidenceId, storyId: stored.storyId, version };
    }, TRANSACTION_OPTIONS),
  );
}

export async function deleteEvidence(input: {
  actorId: string;
  evaluationId: string;
  evidenceId: string;
  expectedVersion: number;
  ipAddress?: string | null;
}): Promise<{ ok: true; storyId: string } | Refused<TriangulationRefusal>> {
  const { actorId, evaluationId, evidenceId, expectedVersion } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await findStored(tx, evaluationId, evidenceId);
      await lockStory(tx, evaluationId, stored.storyId, "share");
      const deleted = await tx.evidenceItem.deleteMany({
        where: { id: evidenceId, evaluationId, version: expectedVersion },
      });
      if (deleted.count !== 1) throw new AppError("CONFLICT", "evidence version moved on");
      const { version, storyId, ...fields } = stored;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "evidence.delete",
        recordType: "EvidenceItem",
        recordId: evidenceId,
        before: { storyId, ...audited(fields), version },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, storyId };
    }, TRANSACTION_OPTIONS),
  );
}

export type SignOffResult =
  | { ok: true; signOffId: string; storyVersion: number }
  | { ok: false; reason: "BLOCKED"; blockers: EvidenceBlocker[] }
  | Refused<TriangulationRefusal>;

class Blocked extends Error {
  constructor(readonly blockers: EvidenceBlocker[]) {
    super("blocked");
  }
}

/**
 * The analyst's sign-off on the story version they read. Refused with the same blockers as the
 * step to TRIANGULATED (except the sign-off itself), when the story moved on (CONFLICT), or when
 * a current sign-off already exists (ALREADY_SIGNED_OFF).
 */
export async function signOffTriangulation(input: {
  actorId: string;
  evaluationId: string;
  storyId: string;
  storyVersion: number;
  note: string;
  ipAddress?: string | null;
}): Promise<SignOffResult> {
  const { actorId, evaluationId, storyId } = input;
  try {
    return await asResults(() =>
      db().$transaction(async (tx) => {
        const story = await lockStory(tx, evaluationId, storyId, "update");
        if (story.version !== input.storyVersion)
          throw new AppError("CONFLICT", "the story was edited since the analyst read it");
        const facts = await loadTriangulationFacts(tx, evaluationId, storyId);
        if (!facts) throw new AppError("NOT_FOUND");
        const blockers = evidenceBlockers(facts);
        if (blockers.length > 0) throw new Blocked(blockers);
        if (hasCurrentSignOff(facts)) throw refuse("ALREADY_SIGNED_OFF");
        // After every evidence write that holds the lock: later edits make this sign-off stale.
        const signedAt = new Date(Math.max(Date.now(), ...facts.evidence.map((item) => item.updatedAt.getTime() + 1)));
        const created = await tx.triangulationSignOff.create({
          data: { evaluationId, storyId, analystId: actorId, storyVersion: story.version, note: input.note, signedAt },
          select: { id: true },
        });
        await recordAudit(tx, {
          evaluationId,
          actorId,
          action: "triangulation.sign_off",
          recordType: "TriangulationSignOff",
          recordId: created.id,
          after: { storyId, storyVersion: story.version, note: input.note, evidenceCount: facts.evidence.length },
          ipAddress: input.ipAddress,
        });
        return { ok: true as const, signOffId: created.id, storyVersion: story.version };
      }, TRANSACTION_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Blocked) return { ok: false, reason: "BLOCKED", blockers: error.blockers };
    throw error;
  }
}
