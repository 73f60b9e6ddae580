/**
 * What the learnings page reads, with the read policy inside: null for anyone who may not read
 * them (the page answers 404); the form's options only for those who may write. Members who may
 * not see stories (reviewers) see only the approved outcomes a key learning draws on.
 */
import "server-only";
import { cache } from "react";
import { getAuthorizedUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { accessWith } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import { learningFormOptions, listLearnings } from "./data";

export const loadLearnings = cache(async (evaluationId: string) => {
  const user = await getAuthorizedUser();
  const access = await accessWith(evaluationId, user, "learning.view");
  if (!access) return null;
  const { roles } = access;
  const canEdit = can(roles, "learning.edit");
  const [evaluation, learnings, options] = await Promise.all([
    db().evaluation.findUnique({ where: { id: evaluationId }, select: { id: true, name: true, languages: true } }),
    listLearnings(evaluationId, can(roles, "story.view") ? {} : { storyStages: ["APPROVED"] }),
    canEdit ? learningFormOptions(evaluationId) : null,
  ]);
  if (!evaluation) return null;
  return { evaluation, learnings, canEdit, options, actorId: access.user.id };
});

export type LearningsView = NonNullable<Awaited<ReturnType<typeof loadLearnings>>>;
