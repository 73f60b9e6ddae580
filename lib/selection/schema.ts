/**
 * Inputs of the selection forms and actions (panels, rounds, ballots, decisions, reminders).
 * Messages are keys under `selection.errors`.
 */
import { z } from "zod";
import type { PanelLevel } from "@/lib/generated/prisma/enums";
import { idSchema, requiredId } from "@/lib/core/ids";
import { version } from "@/lib/core/version";
import { optionalText, requiredText } from "@/lib/text-schema";
import { SELECTION_LIMITS, VOTING_METHODS } from "./types";
export { SELECTION_LIMITS, VOTING_METHODS } from "./types";

export const PANEL_LEVELS = ["DOMAIN", "PORTFOLIO"] as const satisfies readonly PanelLevel[];

export const createPanelInput = z
  .object({
    evaluationId: idSchema,
    name: requiredText(SELECTION_LIMITS.name),
    level: z.enum(PANEL_LEVELS, { error: "required" }),
    domainId: z
      .union([z.literal(""), idSchema])
      .nullish()
      .transform((value) => value || null),
    memberIds: z
      .array(idSchema, { error: "invalid" })
      .min(1, { error: "required" })
      .max(SELECTION_LIMITS.members, { error: "tooMany" }),
  })
  .refine((input) => input.level === "PORTFOLIO" || input.domainId !== null, { error: "required", path: ["domainId"] });

/** A deadline instant, as a full ISO timestamp (`YYYY-MM-DDTHH:mm` alone is read as UTC: scripts and tests). */
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

const roundFields = {
  evaluationId: idSchema,
  panelId: requiredId,
  name: requiredText(SELECTION_LIMITS.name),
  method: z.enum(VOTING_METHODS, { error: "required" }),
  scoreScaleMax: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(2, { error: "invalid" })
    .max(SELECTION_LIMITS.scale, { error: "invalid" })
    .nullish(),
  selectCount: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(SELECTION_LIMITS.candidates, { error: "invalid" })
    .nullish(),
  deadline,
  resultsHiddenUntilClosed: z.boolean({ error: "invalid" }).default(true),
  /** Empty = the default candidates: the panel domain's screened stories, or the stories domain rounds selected. */
  storyIds: z.array(idSchema, { error: "invalid" }).max(SELECTION_LIMITS.candidates, { error: "tooMany" }).default([]),
};

const scaleForMethod = <T extends { method: (typeof VOTING_METHODS)[number]; scoreScaleMax?: number | null }>(
  input: T,
) => ({
  ...input,
  scoreScaleMax: input.method === "SCORING" ? (input.scoreScaleMax ?? 5) : null,
});

/** A round as the mutation takes it: the deadline is an instant. */
export const createRoundInput = z.object(roundFields).transform(scaleForMethod);

/**
 * The round form's deadline: clock time in the evaluation's time zone as a datetime-local field
 * holds it (`YYYY-MM-DDTHH:mm`), which the action turns into an instant with that zone; or an
 * instant with its offset (`…Z`, `…-06:00`), taken as it is.
 */
const formDeadline = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(40, { error: "invalid" })
  .transform((value, context) => {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return { local: value };
    const date = /(Z|[+-]\d\d:\d\d)$/.test(value) ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    return { instant: date };
  });

/** What the round form sends (lib/selection/actions.ts reads the deadline in the evaluation's zone). */
export const createRoundFormInput = z.object({ ...roundFields, deadline: formDeadline }).transform(scaleForMethod);

export const roundInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  expectedVersion: version,
});

const vote = z.object({
  storyId: idSchema,
  rank: z
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(SELECTION_LIMITS.candidates, { error: "invalid" })
    .nullish(),
  score: z
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(1, { error: "invalid" })
    .max(SELECTION_LIMITS.scale, { error: "invalid" })
    .nullish(),
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
const languageCode = z
  .string({ error: "required" })
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, { error: "invalid" });

export const recordDecisionInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  expectedVersion: version,
  selected: z
    .array(
      z.object({
        storyId: idSchema,
        reason: requiredText(SELECTION_LIMITS.longText),
        /** The reason in the evaluation's other report language; whoever records the decision translated it. */
        reasonTranslation: optionalText(SELECTION_LIMITS.longText).optional(),
      }),
      { error: "invalid" },
    )
    .max(SELECTION_LIMITS.candidates, { error: "tooMany" })
    .refine((rows) => new Set(rows.map((r) => r.storyId)).size === rows.length, { error: "duplicateStory" }),
  dissent: optionalText(SELECTION_LIMITS.longText),
  /** One per candidate, selected or not: what goes back to its storytellers, in their language. */
  feedback: z
    .array(z.object({ storyId: idSchema, language: languageCode, text: requiredText(SELECTION_LIMITS.longText) }), {
      error: "invalid",
    })
    .max(SELECTION_LIMITS.candidates, { error: "tooMany" })
    .refine((rows) => new Set(rows.map((r) => r.storyId)).size === rows.length, { error: "duplicateStory" }),
});

export const sendReminderInput = z.object({
  evaluationId: idSchema,
  roundId: idSchema,
  text: requiredText(SELECTION_LIMITS.longText),
});

export type CreatePanelInput = z.output<typeof createPanelInput>;
export type CreateRoundInput = z.output<typeof createRoundInput>;
export type CastBallotsInput = z.output<typeof castBallotsInput>;
export type RecordDecisionInput = z.output<typeof recordDecisionInput>;
export type Vote = z.output<typeof vote>;
