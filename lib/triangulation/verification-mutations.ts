/**
 * The analysts' contribution and sustainability form. It is not a second way to save a story:
 * it takes the story as stored at the version the analyst loaded, replaces only the fields of
 * this form, and saves through the story's own `updateStory` (revision, version check, audit
 * event `story.update`), allowed in the triangulation stages only. The rating and its reason are
 * columns the authors' form does not have; they travel with the same save.
 */
import "server-only";
import { AppError } from "@/lib/errors";
import { loadStorySnapshot } from "@/lib/stories/data";
import { asSchemaInput, toFormValues } from "@/lib/stories/form-values";
import { updateStory, type SavedStory, type StorySaveRefusal } from "@/lib/stories/mutations";
import type { Refused } from "@/lib/core/refusal";
import { storyFieldsSchema } from "@/lib/stories/schema";
import { db } from "@/lib/db";
import type { TriangulationRefusal } from "./mutations";
import { TRIANGULATION_STAGES } from "./policy";
import type { VerificationFields } from "./schema";

export async function updateStoryVerification(input: {
  actorId: string;
  evaluationId: string;
  storyId: string;
  expectedVersion: number;
  fields: VerificationFields;
  ipAddress?: string | null;
}): Promise<SavedStory | Refused<StorySaveRefusal | Extract<TriangulationRefusal, "STORY_NEEDS_AUTHORS">>> {
  const { evaluationId, storyId, expectedVersion, fields } = input;
  const row = await db().changeStory.findFirst({ where: { id: storyId, evaluationId }, select: { version: true } });
  if (!row) throw new AppError("NOT_FOUND");
  // The merge below starts from the stored story: it must be the version the analyst saw.
  if (row.version !== expectedVersion) throw new AppError("CONFLICT", "stale version");
  const snapshot = await loadStorySnapshot(db(), evaluationId, storyId);
  if (!snapshot) throw new AppError("NOT_FOUND");

  const values = toFormValues(snapshot);
  const parsed = storyFieldsSchema.safeParse(
    asSchemaInput({
      ...values,
      contributionNarrative: fields.contributionNarrative ?? "",
      // This form has no translation fields: each contribution keeps the one the story form gave it
      // (a changed "how" makes it stale, lib/translations/story-sources.ts).
      contributions: fields.contributions.map((row) => ({
        projectId: row.projectId,
        howContributed: row.howContributed,
        howContributedTranslation:
          values.contributions.find((stored) => stored.projectId === row.projectId)?.howContributedTranslation ?? "",
      })),
      sustainabilityAssessment: fields.sustainabilityAssessment ?? "",
      sustainabilityConditions: fields.sustainabilityConditions ?? "",
      sustainabilityRisks: fields.sustainabilityRisks ?? "",
    }),
  );
  // The rest of the story is as its authors saved it; if it no longer passes the form, they fix it.
  if (!parsed.success) return { ok: false, reason: "STORY_NEEDS_AUTHORS" };

  // updateStory checks the version again inside its transaction: a save in between is a CONFLICT.
  return updateStory({
    actorId: input.actorId,
    evaluationId,
    storyId,
    expectedVersion,
    story: parsed.data,
    note: "contribution-and-sustainability",
    ipAddress: input.ipAddress,
    stages: TRIANGULATION_STAGES,
    rating: {
      contributionRating: fields.contributionRating,
      contributionRatingReason: fields.contributionRatingReason,
    },
  });
}
