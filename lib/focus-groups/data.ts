/** Focus-group reads: the evaluation is in every `where`; people come as names and codes only. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  findStoredRecord,
  recordDetail,
  recordDetailSelect,
  respondentLinkSelect,
  respondentsOf,
  storedForEdit,
  storedRecordSelect,
  teamLinkSelect,
  teamOf,
} from "@/lib/fieldwork/data";
import { linkTable } from "@/lib/fieldwork/links";
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

/** The focus group's link tables, under the field names of its form. */
export const focusGroupLinks = {
  facilitatorIds: linkTable("focusGroupId", "userId", (tx) => tx.focusGroupFacilitator),
  participantIds: linkTable("focusGroupId", "respondentId", (tx) => tx.focusGroupParticipant),
  projectIds: linkTable("focusGroupId", "projectId", (tx) => tx.focusGroupProject),
};

/** The focus group as stored (lib/fieldwork/data.ts), with its own columns. */
export function findStoredFocusGroup(client: Prisma.TransactionClient, evaluationId: string, focusGroupId: string) {
  return findStoredRecord(client, focusGroupLinks, { id: focusGroupId, evaluationId }, (where) =>
    client.focusGroup.findFirst({
      where,
      select: { ...storedRecordSelect, topic: true, anonymousParticipantCount: true },
    }),
  );
}

/** The stored values as the edit form starts from them. */
export function getFocusGroupForEdit(evaluationId: string, focusGroupId: string) {
  return storedForEdit(evaluationId, focusGroupId, findStoredFocusGroup);
}
