/**
 * Checks, inside the saving transaction, that everything an interview or focus group names
 * belongs to its evaluation: people from the team, respondents who may be heard, the evaluation's
 * own projects and place. A respondent, project or place of another evaluation is answered as
 * "not found" (an outsider's ids reveal nothing); a non-member or an ineligible respondent is a
 * rejection the form shows next to its field.
 */
import { reject, type Rejection } from "@/lib/core/refusal";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hearingConsentsSelect, hearingEligibility } from "./policy";

type Tx = Prisma.TransactionClient;

export type NamedReferences = {
  /** Field name → user ids that must be members of the evaluation's team. */
  teamFields: Record<string, string[]>;
  /** Respondents to be added now (those already on the record are not checked again). */
  newRespondentIds: string[];
  respondentField: string;
  projectIds: string[];
  /** Projects to be linked now: a retired project may stay on a record, but is not linked anew. */
  newProjectIds: string[];
  placeId: string | null;
};

export async function checkReferences(tx: Tx, evaluationId: string, refs: NamedReferences): Promise<Rejection | null> {
  const userIds = [...new Set(Object.values(refs.teamFields).flat())];
  const [members, respondents, projectCount, place, retiredProjects] = await Promise.all([
    userIds.length > 0
      ? tx.evaluationMember.findMany({ where: { evaluationId, userId: { in: userIds } }, select: { userId: true } })
      : Promise.resolve([]),
    refs.newRespondentIds.length > 0
      ? tx.respondent.findMany({
          where: { evaluationId, id: { in: refs.newRespondentIds } },
          select: {
            id: true,
            excludedAt: true,
            consents: hearingConsentsSelect(evaluationId),
          },
        })
      : Promise.resolve([]),
    refs.projectIds.length > 0
      ? tx.project.count({ where: { evaluationId, id: { in: refs.projectIds } } })
      : Promise.resolve(0),
    refs.placeId
      ? tx.place.findFirst({ where: { evaluationId, id: refs.placeId }, select: { id: true } })
      : Promise.resolve(null),
    refs.newProjectIds.length > 0
      ? tx.project.count({ where: { evaluationId, id: { in: refs.newProjectIds }, retiredAt: { not: null } } })
      : Promise.resolve(0),
  ]);

  if (respondents.length !== refs.newRespondentIds.length)
    throw new AppError("NOT_FOUND", "respondent outside the evaluation");
  if (projectCount !== refs.projectIds.length) throw new AppError("NOT_FOUND", "project outside the evaluation");
  if (refs.placeId && !place) throw new AppError("NOT_FOUND", "place outside the evaluation");

  const team = new Set(members.map((member) => member.userId));
  for (const [field, ids] of Object.entries(refs.teamFields)) {
    if (ids.some((id) => !team.has(id))) return reject("NOT_IN_TEAM", field);
  }
  if (retiredProjects > 0) return reject("PROJECT_RETIRED", "projectIds");
  if (respondents.some((respondent) => hearingEligibility(respondent) !== "ELIGIBLE")) {
    return reject("RESPONDENT_NOT_ELIGIBLE", refs.respondentField);
  }
  return null;
}
