/** Focus-group reads: the evaluation is in every `where`; people come as names and codes only. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  editValues,
  recordDetail,
  recordDetailSelect,
  respondentLinkSelect,
  respondentsOf,
  storedRecordSelect,
  teamLinkSelect,
  teamOf,
} from "@/lib/fieldwork/data";
import type { Prisma } from "@/lib/generated/prisma/client";
import { validId } from "@/lib/core/ids";

/** Everything the focus-group page shows. Once per request: the page and its title share the read. */
export const getFocusGroupDetail = cache(async (evaluationId: string, focusGroupId: string) => {
  if (!validId(evaluationId) || !validId(focusGroupId)) return null;
  const row = await db().focusGroup.findFirst({
    where: { id: focusGroupId, evaluationId },
    select: {
      ...recordDetailSelect,
      topic: true,
      anonymousParticipantCount: true,
      facilitators: teamLinkSelect,
      participants: respondentLinkSelect,
    },
  });
  return (
    row && {
      ...recordDetail(row),
      facilitators: teamOf(row.facilitators),
      participants: respondentsOf(row.participants),
    }
  );
});

/**
 * The focus group as stored, read alike by the edit form and by the save that compares with it
 * (`client` is the saving transaction there).
 */
export async function findStoredFocusGroup(
  client: Prisma.TransactionClient,
  evaluationId: string,
  focusGroupId: string,
) {
  const row = await client.focusGroup.findFirst({
    where: { id: focusGroupId, evaluationId },
    select: {
      ...storedRecordSelect,
      topic: true,
      anonymousParticipantCount: true,
      facilitators: { select: { userId: true } },
      participants: { select: { respondentId: true } },
    },
  });
  if (!row) return null;
  const { facilitators, participants, projects, ...focusGroup } = row;
  return {
    ...focusGroup,
    facilitatorIds: facilitators.map((link) => link.userId),
    participantIds: participants.map((link) => link.respondentId),
    projectIds: projects.map((link) => link.projectId),
  };
}

/** The stored values as the edit form starts from them. */
export async function getFocusGroupForEdit(evaluationId: string, focusGroupId: string) {
  if (!validId(evaluationId) || !validId(focusGroupId)) return null;
  return editValues(await findStoredFocusGroup(db(), evaluationId, focusGroupId));
}
