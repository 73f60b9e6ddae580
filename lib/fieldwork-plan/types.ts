/**
 * What the fieldwork plan's form shares with its schema, without zod (decision 0034): limits.
 * The most any one region can plan: far above a real evaluation (192 interviews in 19 states),
 * low enough that a slip of the keyboard (a 0 too many) is caught.
 */
export const PLANNED_MAX = 10_000;

/** Mexico's 32 states plus the regions of other countries an evaluation may name. */
export const PLAN_REGIONS_MAX = 500;
