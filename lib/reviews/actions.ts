"use server";
/** Server actions of the funder review. Each is authenticated and authorised by lib/actions.ts. */
import { evaluationAction } from "@/lib/actions";
import { outcomeOrRejection } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { decideReviewInput, revalidationInput, storyRefInput } from "./schema";

export const sendStoryToReview = evaluationAction("sendStoryToReview", {
  permission: "review.submit",
  input: storyRefInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await mutations.sendToReview({ actorId: actor.id, ipAddress }, input)),
});

export const decideStoryReview = evaluationAction("decideStoryReview", {
  permission: "review.decide",
  input: decideReviewInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await mutations.decideReview({ actorId: actor.id, ipAddress }, input)),
});

export const decideStoryRevalidation = evaluationAction("decideStoryRevalidation", {
  permission: "validation.manage",
  input: revalidationInput,
  handler: async ({ actor, input, ipAddress }) =>
    outcomeOrRejection(await mutations.decideRevalidation({ actorId: actor.id, ipAddress }, input)),
});
