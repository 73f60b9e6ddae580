/**
 * What each fieldwork table may show, sort and filter on. The list loaders turn these names into
 * SQL through fixed maps (never the names themselves), and the pages build their forms from them.
 */
import { z } from "zod";
import { ChangeType, Gender, InterviewMode, RespondentType, StoryStage } from "@/lib/generated/prisma/enums";
import { dayFilter, idFilter, orderedRange, placeFilter, searchText, type ListSpec } from "./url-state";

const storyFilters = z
  .object({
    q: searchText.optional(),
    domain: idFilter.optional(),
    stage: z.enum(StoryStage).optional(),
    changeType: z.enum(ChangeType).optional(),
    state: placeFilter.optional(),
    atRiskGroup: idFilter.optional(),
    updatedFrom: dayFilter.optional(),
    updatedTo: dayFilter.optional(),
  })
  .strict()
  .superRefine(orderedRange("updatedFrom", "updatedTo"));

export type StoryFilters = z.infer<typeof storyFilters>;

const STORY_SORTS = ["code", "title", "changeType", "stage", "period", "updatedAt"] as const;

export const storyListSpec = {
  columns: ["code", "title", "match", "domain", "changeType", "stage", "states", "period", "updatedAt"] as const,
  defaultColumns: ["code", "title", "match", "domain", "changeType", "stage", "updatedAt"],
  requiredColumns: ["code"],
  // Relevance exists only while searching, and is then the default order.
  sortable: (filters: StoryFilters) => (filters.q ? [...STORY_SORTS, "relevance"] : STORY_SORTS),
  defaultSort: (filters: StoryFilters) =>
    filters.q ? { id: "relevance", desc: true } : { id: "updatedAt", desc: true },
  filterKeys: ["q", "domain", "stage", "changeType", "state", "atRiskGroup", "updatedFrom", "updatedTo"],
  filters: storyFilters,
} satisfies ListSpec<typeof storyFilters>;

const respondentFilters = z
  .object({
    type: z.enum(RespondentType).optional(),
    gender: z.enum(Gender).optional(),
    state: placeFilter.optional(),
    atRiskGroup: idFilter.optional(),
  })
  .strict();

export type RespondentFilters = z.infer<typeof respondentFilters>;

export const respondentListSpec = {
  columns: ["code", "type", "gender", "state", "sector", "language", "atRiskGroups", "consent", "updatedAt"] as const,
  defaultColumns: ["code", "type", "gender", "state", "sector", "consent"],
  requiredColumns: ["code"],
  sortable: ["code", "type", "gender", "state", "updatedAt"],
  defaultSort: { id: "code", desc: false },
  filterKeys: ["type", "gender", "state", "atRiskGroup"],
  filters: respondentFilters,
} satisfies ListSpec<typeof respondentFilters>;

const interviewFilters = z
  .object({
    mode: z.enum(InterviewMode).optional(),
    state: placeFilter.optional(),
    from: dayFilter.optional(),
    to: dayFilter.optional(),
  })
  .strict()
  .superRefine(orderedRange("from", "to"));

export type InterviewFilters = z.infer<typeof interviewFilters>;

export const interviewListSpec = {
  columns: [
    "date",
    "mode",
    "place",
    "language",
    "duration",
    "respondents",
    "interviewers",
    "projects",
    "transcript",
  ] as const,
  defaultColumns: ["date", "mode", "place", "language", "respondents", "interviewers", "transcript"],
  requiredColumns: ["date"],
  sortable: ["date", "mode", "duration", "language"],
  defaultSort: { id: "date", desc: true },
  filterKeys: ["mode", "state", "from", "to"],
  filters: interviewFilters,
} satisfies ListSpec<typeof interviewFilters>;

const focusGroupFilters = z
  .object({
    state: placeFilter.optional(),
    from: dayFilter.optional(),
    to: dayFilter.optional(),
  })
  .strict()
  .superRefine(orderedRange("from", "to"));

export type FocusGroupFilters = z.infer<typeof focusGroupFilters>;

export const focusGroupListSpec = {
  columns: ["date", "topic", "place", "language", "participants", "facilitators", "projects", "transcript"] as const,
  defaultColumns: ["date", "topic", "place", "participants", "facilitators", "transcript"],
  requiredColumns: ["date"],
  sortable: ["date", "topic", "language"],
  defaultSort: { id: "date", desc: true },
  filterKeys: ["state", "from", "to"],
  filters: focusGroupFilters,
} satisfies ListSpec<typeof focusGroupFilters>;
