/** Focus-group reads: the evaluation is in every `where`; people come as names and codes only. */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import {
  findRecordDetail,
  findStoredRecord,
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

/** Everything the focus-group page shows. Once per request: the page and its title share the read. */
export const getFocusGroupDetail = cache(async (evaluationId: string, focusGroupId: string) => {
  const detail = await findRecordDetail(evaluationId, focusGroupId, (where) =>
    db().focusGroup.findFirst({
      where,
      select: {
        ...recordDetailSelect,
        topic: true,
        anonymousParticipantCount: true,
        facilitators: teamLinkSelect,
        participants: respondentLinkSelect,
      },
    }),
  );
  return (
    detail && {
      ...detail,
      facilitators: teamOf(detail.facilitators),
      participants: respondentsOf(detail.participants),
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
