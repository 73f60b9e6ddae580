/**
 * The DESTROY choice of a consent withdrawal, run inside the withdrawal's transaction:
 * - the identity's ciphertexts are nulled and `destroyedAt` set (a tombstone row if there was none,
 *   so an identity can never be added afterwards);
 * - the transcripts (originals and translations) and notes of interviews where the person is the
 *   only respondent, and of focus groups where they are the only participant, are nulled, and the
 *   record's version bumped so a form opened before cannot write them back;
 * - excerpts of those transcripts are deleted, or, when a story cites them (the citation must
 *   stay), emptied of their quoted text;
 * - stories that rested only on the person are flagged for review.
 * Returns ids and counts for the audit event; never any of the erased content.
 */
import { NO_RECORD_TEXT } from "@/lib/excerpts/fingerprint";
import { storiesToFlag, transcriptsToErase } from "./policy";
import type { Tx } from "./transaction";

export type DestructionSummary = {
  identityDestroyed: boolean;
  interviewIds: string[];
  focusGroupIds: string[];
  excerptsDeleted: string[];
  excerptsEmptied: string[];
  storiesFlagged: string[];
};

const ERASED_TRANSCRIPT = { ...NO_RECORD_TEXT, version: { increment: 1 } } as const;

export async function destroyRespondentData(
  tx: Tx,
  evaluationId: string,
  respondentId: string,
  now: Date,
): Promise<DestructionSummary> {
  const identity = await tx.respondentIdentity.updateMany({
    where: { evaluationId, respondentId, destroyedAt: null },
    data: { nameCiphertext: null, contactCiphertext: null, communityCiphertext: null, destroyedAt: now },
  });
  if (identity.count === 0) {
    await tx.respondentIdentity.upsert({
      where: { evaluationId_respondentId: { evaluationId, respondentId } },
      create: { evaluationId, respondentId, keyId: "none", destroyedAt: now },
      update: {},
      select: { id: true },
    });
  }

  const [interviewLinks, focusGroupLinks] = await Promise.all([
    tx.interviewRespondent.findMany({ where: { evaluationId, respondentId }, select: { interviewId: true } }),
    tx.focusGroupParticipant.findMany({ where: { evaluationId, respondentId }, select: { focusGroupId: true } }),
  ]);
  const interviewIds = interviewLinks.map((link) => link.interviewId);
  const focusGroupIds = focusGroupLinks.map((link) => link.focusGroupId);
  const [interviewCounts, participantCounts, focusGroups] = await Promise.all([
    tx.interviewRespondent.groupBy({
      by: ["interviewId"],
      where: { evaluationId, interviewId: { in: interviewIds } },
      _count: { _all: true },
    }),
    tx.focusGroupParticipant.groupBy({
      by: ["focusGroupId"],
      where: { evaluationId, focusGroupId: { in: focusGroupIds } },
      _count: { _all: true },
    }),
    tx.focusGroup.findMany({
      where: { evaluationId, id: { in: focusGroupIds } },
      select: { id: true, anonymousParticipantCount: true },
    }),
  ]);
  const participants = new Map(participantCounts.map((row) => [row.focusGroupId, row._count._all]));
  const erase = transcriptsToErase({
    interviews: interviewCounts.map((row) => ({ id: row.interviewId, respondentCount: row._count._all })),
    focusGroups: focusGroups.map((row) => ({ ...row, participantCount: participants.get(row.id) ?? 0 })),
  });
  erase.interviewIds.sort();
  erase.focusGroupIds.sort();

  if (erase.interviewIds.length > 0) {
    await tx.interview.updateMany({ where: { evaluationId, id: { in: erase.interviewIds } }, data: ERASED_TRANSCRIPT });
  }
  if (erase.focusGroupIds.length > 0) {
    await tx.focusGroup.updateMany({
      where: { evaluationId, id: { in: erase.focusGroupIds } },
      data: ERASED_TRANSCRIPT,
    });
  }

  const excerpts = await tx.transcriptExcerpt.findMany({
    where: {
      evaluationId,
      OR: [{ interviewId: { in: erase.interviewIds } }, { focusGroupId: { in: erase.focusGroupIds } }],
    },
    select: { id: true, _count: { select: { storySources: true } } },
    orderBy: { id: "asc" },
  });
  // A quotation copied the passage's words: erasing the transcript erases them there too.
  if (excerpts.length > 0)
    await tx.storyQuotation.deleteMany({ where: { evaluationId, excerptId: { in: excerpts.map((row) => row.id) } } });
  const excerptsDeleted = excerpts.filter((row) => row._count.storySources === 0).map((row) => row.id);
  const excerptsEmptied = excerpts.filter((row) => row._count.storySources > 0).map((row) => row.id);
  if (excerptsDeleted.length > 0)
    await tx.transcriptExcerpt.deleteMany({ where: { evaluationId, id: { in: excerptsDeleted } } });
  if (excerptsEmptied.length > 0) {
    await tx.transcriptExcerpt.updateMany({
      where: { evaluationId, id: { in: excerptsEmptied } },
      data: { quotedText: "", note: null },
    });
  }

  const storiesFlagged = await flagStories(
    tx,
    evaluationId,
    respondentId,
    {
      interviewIds: erase.interviewIds,
      focusGroupIds: erase.focusGroupIds,
      excerptIds: excerpts.map((row) => row.id),
    },
    now,
  );

  return {
    identityDestroyed: true,
    interviewIds: erase.interviewIds,
    focusGroupIds: erase.focusGroupIds,
    excerptsDeleted,
    excerptsEmptied,
    storiesFlagged,
  };
}

async function flagStories(
  tx: Tx,
  evaluationId: string,
  respondentId: string,
  erased: { interviewIds: string[]; focusGroupIds: string[]; excerptIds: string[] },
  now: Date,
): Promise<string[]> {
  const told = await tx.storyTeller.findMany({ where: { evaluationId, respondentId }, select: { storyId: true } });
  const tellerCounts = await tx.storyTeller.groupBy({
    by: ["storyId"],
    where: { evaluationId, storyId: { in: told.map((row) => row.storyId) } },
    _count: { _all: true },
  });
  const touched = await tx.storySource.findMany({
    where: {
      evaluationId,
      OR: [
        { interviewId: { in: erased.interviewIds } },
        { focusGroupId: { in: erased.focusGroupIds } },
        { excerptId: { in: erased.excerptIds } },
      ],
    },
    select: { storyId: true },
  });
  const sources = await tx.storySource.findMany({
    where: { evaluationId, storyId: { in: [...new Set(touched.map((row) => row.storyId))] } },
    select: { storyId: true, interviewId: true, focusGroupId: true, excerptId: true },
  });
  const erasedIds = new Set([...erased.interviewIds, ...erased.focusGroupIds, ...erased.excerptIds]);
  const flagged = storiesToFlag({
    soleTellerStoryIds: tellerCounts.filter((row) => row._count._all === 1).map((row) => row.storyId),
    sources: sources.map((source) => ({
      storyId: source.storyId,
      erased: erasedIds.has(source.interviewId ?? source.focusGroupId ?? source.excerptId ?? ""),
    })),
  });
  if (flagged.length > 0) {
    // The story's own version is left alone: its revisions belong to the story editor.
    await tx.changeStory.updateMany({
      where: { evaluationId, id: { in: flagged }, flaggedSourceDestroyedAt: null },
      data: { flaggedSourceDestroyedAt: now },
    });
  }
  return flagged;
}
