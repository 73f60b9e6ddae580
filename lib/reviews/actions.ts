"use server";
/** Server actions of the funder review. Each is authenticated and authorised by lib/actions.ts. */
import { evaluationAction, reject, type Rejection } from "@/lib/actions";
import type { Refused } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { decideReviewInput, revalidationInput, storyRefInput } from "./schema";

type Outcome = { ok: true } | Refused;

/** A refusal goes to the form with its details (the respondent whose consent stops it) as fields. */
function result<T extends Outcome>(outcome: T): Extract<T, { ok: true }> | Rejection {
  if (outcome.ok) return outcome as Extract<T, { ok: true }>;
  const { reason, field, ok: _ok, ...details } = outcome as Refused;
  return reject(reason, field, Object.keys(details).length > 0 ? details : undefined);
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
