/**
 * Writing focus groups: the fieldwork save (lib/fieldwork/mutations.ts) with the focus group's
 * own columns (topic, head-count of others) and link tables (facilitators, participants, projects).
 */
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { fieldworkSaves, type Actor } from "@/lib/fieldwork/mutations";
import { findStoredFocusGroup, focusGroupLinks } from "./data";
import type { FocusGroupInput, FocusGroupUpdateInput } from "./schema";

const focusGroups = fieldworkSaves<
  FocusGroupInput,
  "topic" | "anonymousParticipantCount",
  "facilitatorIds" | "participantIds" | "projectIds"
>({
  kind: FOCUS_GROUP,
  ownColumns: ["topic", "anonymousParticipantCount"],
  links: focusGroupLinks,
  teamField: "facilitatorIds",
  respondentField: "participantIds",
  create: (tx, evaluationId, row) =>
    tx.focusGroup.create({ data: { evaluationId, ...row }, select: { id: true, version: true } }),
  findStored: findStoredFocusGroup,
  updateAtVersion: (tx, where, row) => tx.focusGroup.updateMany({ where, data: { ...row, version: { increment: 1 } } }),
});

export function createFocusGroup(args: Actor & { input: FocusGroupInput }) {
  return focusGroups.create(args);
}

/** Saves an edit made on `input.version`; a stale version is refused and nothing is written. */
export function updateFocusGroup(args: Actor & { input: FocusGroupUpdateInput }) {
  return focusGroups.update({ ...args, recordId: args.input.focusGroupId, version: args.input.version });
}
