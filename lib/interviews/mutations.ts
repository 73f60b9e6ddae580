/**
 * Writing interviews: the fieldwork save (lib/fieldwork/mutations.ts) with the interview's own
 * columns (mode, duration) and link tables (interviewers, respondents, projects).
 */
import "server-only";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { fieldworkSaves, type Actor } from "@/lib/fieldwork/mutations";
import { findStoredInterview, interviewLinks } from "./data";
import type { InterviewInput, InterviewUpdateInput } from "./schema";

const interviews = fieldworkSaves<
  InterviewInput,
  "mode" | "durationMinutes",
  "interviewerIds" | "respondentIds" | "projectIds"
>({
  kind: INTERVIEW,
  ownColumns: ["mode", "durationMinutes"],
  links: interviewLinks,
  teamField: "interviewerIds",
  respondentField: "respondentIds",
  create: (tx, evaluationId, row) =>
    tx.interview.create({ data: { evaluationId, ...row }, select: { id: true, version: true } }),
  findStored: findStoredInterview,
  updateAtVersion: (tx, where, row) => tx.interview.updateMany({ where, data: { ...row, version: { increment: 1 } } }),
});

export function createInterview(args: Actor & { input: InterviewInput }) {
  return interviews.create(args);
}

/** Saves an edit made on `input.version`; a stale version is refused and nothing is written. */
export function updateInterview(args: Actor & { input: InterviewUpdateInput }) {
  return interviews.update({ ...args, recordId: args.input.interviewId, version: args.input.version });
}
