/**
 * Creating and saving change stories. Each save is ONE transaction: check the state, write the
 * story and its child rows, keep a revision (the full snapshot, lib/stories/snapshot.ts) and
 * write the audit event. A save names the version the editor loaded; the update's `where`
 * includes it, so of two editors who loaded the same version only the first one's save lands and
 * the second gets CONFLICT (with nothing written). Called by the actions, the seed and the tests
 * with explicit ids; never reads the session.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { changedFields } from "@/lib/core/changed-fields";
import { refusals, type Refused } from "@/lib/core/refusal";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextTranslationSources, translatableTexts } from "@/lib/translations/story-sources";
import type { ContributionRating, StoryStage } from "@/lib/generated/prisma/enums";
import { checkReferences, writeStoryChildren } from "./children-mutations";
import { insertStories, storyColumns } from "./creation-mutations";
import { loadStageFacts, loadStorySnapshot } from "./data";
import { editBlockers, type EditBlocker } from "./policy";
import type { PeriodProblem } from "./period";
import type { StoryFields } from "./schema";
import type { StorySnapshot } from "./snapshot";
import { isEditableStage } from "./stage-machine";

type Tx = Prisma.TransactionClient;

/**
 * Why a story save (or a new story) is refused: past its editable stages, an id that is not this
 * evaluation's, a retired project added anew, a dropped figure that evidence backs, a period the
 * schema should have caught (its problem codes, so it reads as the schema's message), and, past
 * draft, an edit that would undo what the story's stage required (lib/stories/policy.ts
 * editBlockers: every consent blocker reads as STORYTELLER_CONSENT).
 */
export const STORY_SAVE_REFUSALS = [
  "STAGE_LOCKED",
  "NOT_IN_EVALUATION",
  "PROJECT_RETIRED",
  "FIGURE_HAS_EVIDENCE",
  "periodFromRequired",
  "periodFormat",
  "periodOrder",
  "NO_STORYTELLER",
  "NO_SOURCE",
  "STORYTELLER_CONSENT",
] as const satisfies ReadonlyArray<PeriodProblem | string>;
export type StorySaveRefusal = (typeof STORY_SAVE_REFUSALS)[number];
const { refuse, asResults } = refusals<StorySaveRefusal>();

export type SavedStory = { ok: true; storyId: string; code: string; version: number };

/** The story's translations and translator, to tell whether a save changed any of them. */
function translationOf(snapshot: StorySnapshot | null) {
  if (!snapshot) return null;
  const texts = translatableTexts(snapshot).flatMap((text) =>
    text.translation ? [[text.path, text.translation]] : [],
  );
  return JSON.stringify([texts, snapshot.translatedBy?.id ?? null]);
}

/**
 * Records where each translation came from (lib/translations/story-sources.ts) once the story
 * and its child rows are written (new figures have ids only then), and dates the translation
 * when this save changed any of it. Returns the snapshot as stored.
 */
async function recordTranslationSources(
  tx: Tx,
  evaluationId: string,
  storyId: string,
  before: StorySnapshot | null,
  written: StorySnapshot,
): Promise<StorySnapshot> {
  const now = new Date();
  const sources = nextTranslationSources(before, written, now);
  const changed = translationOf(before) !== translationOf(written);
  const translated = translatableTexts(written).some((text) => text.translation?.trim());
  await tx.changeStory.updateMany({
    where: { id: storyId, evaluationId },
    data: { translationSources: sources, ...(changed ? { translatedAt: translated ? now : null } : {}) },
  });
  return { ...written, translationSources: sources };
}

async function snapshotOrFail(tx: Tx, evaluationId: string, storyId: string): Promise<StorySnapshot> {
  const snapshot = await loadStorySnapshot(tx, evaluationId, storyId);
  if (!snapshot) throw new AppError("NOT_FOUND", "story vanished inside its own transaction");
  return snapshot;
}

export async function createStory(input: {
  actorId: string;
  evaluationId: string;
  story: StoryFields;
  ipAddress?: string | null;
}): Promise<SavedStory | Refused<StorySaveRefusal>> {
  const { actorId, evaluationId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const [created] = await insertStories(tx, { actorId, evaluationId, stories: [input.story] });
      if (!created) throw new AppError("NOT_FOUND", "story vanished inside its own transaction");
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "story.create",
        recordType: "ChangeStory",
        recordId: created.storyId,
        after: created.auditAfter,
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, storyId: created.storyId, code: created.code, version: 1 };
    }, TRANSACTION_OPTIONS),
  );
}

/**
 * Saves a story over the version the editor loaded. Throws AppError NOT_FOUND (not in this
 * evaluation) or CONFLICT (someone saved first); refuses STAGE_LOCKED, NOT_IN_EVALUATION,
 * FIGURE_HAS_EVIDENCE and, past draft, edits that would undo what the story's stage required.
 */
export async function updateStory(input: {
  actorId: string;
  evaluationId: string;
  storyId: string;
  expectedVersion: number;
  story: StoryFields;
  note?: string | null;
  ipAddress?: string | null;
  /**
   * Where this save is allowed: the authors' editable stages unless given. The analysts'
   * contribution and sustainability form (lib/triangulation) saves through here in the
   * triangulation stages, so it keeps revisions and the version check of every other save.
   */
  stages?: readonly StoryStage[];
  /** The analyst's rating of the funder's contribution, with its reason; set only by that form. */
  rating?: { contributionRating: ContributionRating | null; contributionRatingReason: string | null };
}): Promise<SavedStory | Refused<StorySaveRefusal>> {
  const { actorId, evaluationId, storyId, expectedVersion, story } = input;
  const allowed = (stage: StoryStage) => (input.stages ? input.stages.includes(stage) : isEditableStage(stage));
  return asResults(() =>
    db().$transaction(async (tx) => {
      const current = await tx.changeStory.findFirst({
        where: { id: storyId, evaluationId },
        select: { version: true, stage: true, contributionRating: true, contributionRatingReason: true },
      });
      if (!current) throw new AppError("NOT_FOUND");
      if (current.version !== expectedVersion) throw new AppError("CONFLICT", "stale version");
      if (!allowed(current.stage)) throw refuse("STAGE_LOCKED");
      await checkReferences(tx, evaluationId, [{ story, storyId }]);
      const before = await snapshotOrFail(tx, evaluationId, storyId);

      const columns = storyColumns(story);
      const version = expectedVersion + 1;
      // The version the editor loaded is part of the where: a concurrent save makes this match nothing.
      const updated = await tx.changeStory.updateMany({
        where: { id: storyId, evaluationId, version: expectedVersion },
        data: {
          ...columns,
          ...(input.rating ?? {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "version moved on");

      // The row is locked now; read the stage again in case a step was taken meanwhile.
      const locked = await tx.changeStory.findFirst({ where: { id: storyId, evaluationId }, select: { stage: true } });
      if (!locked || !allowed(locked.stage)) throw refuse("STAGE_LOCKED");
      await writeStoryChildren(tx, evaluationId, storyId, story);

      if (locked.stage !== "DRAFT") {
        const facts = await loadStageFacts(tx, evaluationId, storyId);
        const added = new Set(
          story.storytellerIds.filter((id) => !before.storytellers.some((teller) => teller.respondentId === id)),
        );
        const blocker = facts
          ? editBlockers(locked.stage, facts, await codesOf(tx, evaluationId, [...added]))[0]
          : undefined;
        if (blocker) throw refuse(editRefusal(blocker), blocker.code === "NO_SOURCE" ? "sources" : "storytellerIds");
      }

      const after = await recordTranslationSources(
        tx,
        evaluationId,
        storyId,
        before,
        await snapshotOrFail(tx, evaluationId, storyId),
      );
      await tx.storyRevision.create({
        data: {
          evaluationId,
          storyId,
          version,
          snapshot: after as Prisma.InputJsonObject,
          editedById: actorId,
          note: input.note ?? null,
        },
      });
      const changes = changedFields(before, after);
      // The rating is not part of the snapshot (shape version 1): its change is kept in the audit event.
      if (input.rating) {
        const previous = {
          contributionRating: current.contributionRating,
          contributionRatingReason: current.contributionRatingReason,
        };
        for (const key of ["contributionRating", "contributionRatingReason"] as const) {
          if (previous[key] !== input.rating[key]) {
            changes.before[key] = previous[key];
            changes.after[key] = input.rating[key];
          }
        }
      }
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "story.update",
        recordType: "ChangeStory",
        recordId: storyId,
        before: { ...changes.before, version: expectedVersion },
        after: { ...changes.after, version },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, storyId, code: after.code, version };
    }, TRANSACTION_OPTIONS),
  );
}

/** An edit blocker as the save's refusal: the form words every consent problem alike. */
function editRefusal(blocker: EditBlocker): StorySaveRefusal {
  return blocker.code === "NO_STORYTELLER" || blocker.code === "NO_SOURCE" ? blocker.code : "STORYTELLER_CONSENT";
}

async function codesOf(tx: Tx, evaluationId: string, respondentIds: string[]): Promise<Set<string>> {
  if (respondentIds.length === 0) return new Set();
  const rows = await tx.respondent.findMany({
    where: { evaluationId, id: { in: respondentIds } },
    select: { code: true },
  });
  return new Set(rows.map((row) => row.code));
}
