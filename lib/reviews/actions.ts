"use server";
/** Server actions of the funder review. Each is authenticated and authorised by lib/actions.ts. */
import { evaluationAction, reject } from "@/lib/actions";
import * as mutations from "./mutations";
import { decideReviewInput, revalidationInput, storyRefInput } from "./schema";

type Outcome = { ok: true } | { ok: false; reason: string; field?: string; blockers?: string[] };

function result<T extends Outcome>(outcome: T) {
  if (outcome.ok) return outcome;
  const blockers = "blockers" in outcome ? outcome.blockers : undefined;
  return reject(blockers ? `BLOCKED_${(blockers[0] ?? "UNKNOWN").split(":")[0]}` : outcome.reason, outcome.field);
}

export const sendStoryToReview = evaluationAction("sendStoryToReview", {
  permission: "review.submit",
  input: storyRefInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await mutations.sendToReview({ actorId: actor.id, ipAddress }, input)),
});

export const decideStoryReview = evaluationAction("decideStoryReview", {
  permission: "review.decide",
  input: decideReviewInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await mutations.decideReview({ actorId: actor.id, ipAddress }, input)),
});

export const decideStoryRevalidation = evaluationAction("decideStoryRevalidation", {
  permission: "validation.manage",
  input: revalidationInput,
  handler: async ({ actor, input, ipAddress }) =>
    result(await mutations.decideRevalidation({ actorId: actor.id, ipAddress }, input)),
});
