/**
 * Inputs of the selection forms and actions (panels, rounds, ballots, decisions, reminders).
 * Messages are keys under `selection.errors`.
 */
import { z } from "zod";
import type { PanelLevel } from "@/lib/generated/prisma/enums";
import { idSchema, requiredId } from "@/lib/stories/schema";
import { optionalText, requiredText } from "@/lib/text-schema";
import { SELECTION_LIMITS, VOTING_METHODS } from "./types";
export { SELECTION_LIMITS, VOTING_METHODS } from "./types";

export const PANEL_LEVELS = ["DOMAIN", "PORTFOLIO"] as const satisfies readonly PanelLevel[];

export const createPanelInput = z
  .object({
    evaluationId: idSchema,
    name: requiredText(SELECTION_LIMITS.name),
    level: z.enum(PANEL_LEVELS, { error: "required" }),
    domainId: z.union([z.literal(""), idSchema]).nullish().transform((value) => value || null),
    memberIds: z.array(idSchema, { error: "invalid" }).min(1, { error: "required" }).max(SELECTION_LIMITS.members, { error: "tooMany" }),
  })
  .refine((input) => input.level === "PORTFOLIO" || input.domainId !== null, { error: "required", path: ["domainId"] });

/** A deadline as `YYYY-MM-DDTHH:mm` (datetime-local, read as UTC) or a full ISO timestamp. */
const deadline = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(40, { error: "invalid" })
  .transform((value, context) => {
    const date = new Date(/Z|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    return date;
  });

export const createRoundInput = z
  .object({
    evaluationId: idSchema,
    panelId: requiredId,
    name: requiredText(SELECTION_LIMITS.name),
    method: z.enum(VOTING_METHODS, { error: "required" }),
    scoreScaleMax: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(2, { error: "invalid" }).max(SELECTION_LIMITS.scale, { error: "invalid" }).nullish(),
    selectCount: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(SELECTION_LIMITS.candidates, { error: "invalid" }).nullish(),
    deadline,
    resultsHiddenUntilClosed: z.boolean({ error: "invalid" }).default(true),
    /** Empty = the default candidates: the panel domain's screened stories, or the stories domain rounds selected. */
    storyIds: z.array(idSchema, { error: "invalid" }).max(SELECTION_LIMITS.candidates, { error: "tooMany" }).default([]),
  })
  .transform((input) => ({ ...input, scoreScaleMax: input.method === "SCORING" ? (input.scoreScaleMax ?? 5) : null }));

export const roundInput = z.object({ evaluationId: idSchema, roundId: idSchema, expectedVersion: z.number({ error: "invalid" }).int().min(1).max(1_000_000) });

const vote = z.object({
  storyId: idSchema,
  rank: z.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(SELECTION_LIMITS.candidates, { error: "invalid" }).nullish(),
  score: z.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(SELECTION_LIMITS.scale, { error: "invalid" }).nullish(),
  approved: z.boolean({ error: "invalid" }).nullish(),
  reason: requiredText(SELECTION_LIMITS.reason),
});

/** A panelist's ballots on one round: one or more candidates (the whole list when ranking). */
export const castBallotsInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  votes: z
    .array(vote, { error: "invalid" })
    .min(1, { error: "required" })
    .max(SELECTION_LIMITS.candidates, { error: "tooMany" })
    .refine((votes) => new Set(votes.map((v) => v.storyId)).size === votes.length, { error: "duplicateStory" }),
});

/** A language tag as storytellers' languages are written: "es", "nah", "es-MX". */
const languageCode = z.string({ error: "required" }).trim().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: "invalid" });

export const recordDecisionInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  expectedVersion: z.number({ error: "invalid" }).int().min(1).max(1_000_000),
  selected: z
    .array(z.object({ storyId: idSchema, reason: requiredText(SELECTION_LIMITS.longText) }), { error: "invalid" })
    .max(SELECTION_LIMITS.candidates, { error: "tooMany" })
    .refine((rows) => new Set(rows.map((r) => r.storyId)).size === rows.length, { error: "duplicateStory" }),
  dissent: optionalText(SELECTION_LIMITS.longText),
  /** One per candidate, selected or not: what goes back to its storytellers, in their language. */
  feedback: z
    .array(z.object({ storyId: idSchema, language: languageCode, text: requiredText(SELECTION_LIMITS.longText) }), { error: "invalid" })
    .max(SELECTION_LIMITS.candidates, { error: "tooMany" })
    .refine((rows) => new Set(rows.map((r) => r.storyId)).size === rows.length, { error: "duplicateStory" }),
});

export const sendReminderInput = z.object({ evaluationId: idSchema, roundId: idSchema, text: requiredText(SELECTION_LIMITS.longText) });

export type CreatePanelInput = z.output<typeof createPanelInput>;
export type CreateRoundInput = z.output<typeof createRoundInput>;
export type CastBallotsInput = z.output<typeof castBallotsInput>;
export type RecordDecisionInput = z.output<typeof recordDecisionInput>;
export type Vote = z.output<typeof vote>;
