/**
 * What the story pages read, with the read policy inside: null for anyone who may not see the
 * story here (a panelist sees only the stories of the opened rounds they sit on: read-scope.ts),
 * and for a story that is not in this evaluation (the page answers 404 either way,
 * so nobody learns whether it exists). Each page gets only what its reader may see: transcript
 * passages only for those who read transcripts, the domain choices only for those who may assign
 * one now, the form's choices only while the story may still be edited.
 */
import { cache } from "react";
import { listDomainAssignments, listDomains } from "@/lib/domains/data";
import { canAssignDomainAt } from "@/lib/domains/policy";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import type { StoryFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { getStoryDetail, getStoryHeading } from "./data";
import { getDefaultStoryLanguage, getStoryFormOptions } from "./form-data";
import { toFormValues } from "./form-values";
import { getStepFacts } from "./guard-data";
import { getStoryRevisions, listStageHistory, listStoryRevisions } from "./history-data";
import { findStoryPage } from "./list";
import { canEditStory, canSeeExcerptText } from "./policy";
import { storyReadScope } from "./read-scope";
import { nextSteps } from "./stage-machine";
import { getStoryStart } from "./start-data";
import { getStoryTimeline, TIMELINE_LIMIT_PER_KIND } from "./timeline-data";

/** One page of the stories table, or null for a reader who may not read stories here. */
export const loadStoryList = cache(
  async (evaluationId: string, reader: Reader | null, state: TableState<StoryFilters>) => {
    const scope = storyReadScope(await accessWith(evaluationId, reader, "story.view"));
    return scope ? findStoryPage(evaluationId, state, scope) : null;
  },
);

/**
 * The new-story form: its choices and the language it starts in, for those who may write stories.
 * Started from an excerpt, also its sources and storyteller, for a writer who may read that
 * transcript; anyone else, or an excerpt not in this evaluation, gets an empty form.
 */
export const loadNewStory = cache(async (evaluationId: string, reader: Reader | null, excerptId?: string) => {
  const access = await accessWith(evaluationId, reader, "story.edit");
  if (!access) return null;
  const [options, defaultLanguage, start] = await Promise.all([
    getStoryFormOptions(evaluationId),
    getDefaultStoryLanguage(evaluationId),
    excerptId && canSeeExcerptText(access.roles) ? getStoryStart(evaluationId, excerptId) : null,
  ]);
  return defaultLanguage ? { options, defaultLanguage, start } : null;
});

/** The story page: the story, its path (next steps and history), its domains and what the reader may do. */
export const loadStoryPage = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "story.view");
  const scope = storyReadScope(access);
  if (!access || !scope) return null;
  const { roles } = access;
  // Panelists read stories, not transcripts: the passages an excerpt quotes are not even read for them.
  const detail = await getStoryDetail(evaluationId, storyId, scope, { quotes: canSeeExcerptText(roles) });
  if (!detail) return null;
  const { excerptQuotes, ...story } = detail;
  const canAssignDomain = can(roles, "story.assign_domain") && canAssignDomainAt(story.stage);
  const [assignments, domains, facts, history] = await Promise.all([
    listDomainAssignments(evaluationId, storyId),
    canAssignDomain ? listDomains(evaluationId) : null,
    getStepFacts(evaluationId, storyId, story.stage),
    listStageHistory(evaluationId, storyId),
  ]);
  return {
    story,
    steps: facts ? nextSteps(story.stage, roles, facts) : [],
    history,
    assignments,
    /** The domains to assign from; null when the reader may not assign one at this stage. */
    assignableDomains: domains,
    excerptQuotes,
    canEdit: canEditStory(roles, story.stage),
    canViewTriangulation: can(roles, "triangulation.view"),
    /** Which sources and storytellers are links: only to pages the reader may open. */
    links: { respondents: can(roles, "respondent.view"), fieldwork: can(roles, "interview.view") },
  };
});

export type StoryPageView = NonNullable<Awaited<ReturnType<typeof loadStoryPage>>>;

/**
 * The edit page, for those who may write stories. `form` is null when the story's stage no longer
 * allows editing: the page says so, and the form's choices are not read.
 */
export const loadStoryEdit = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "story.edit");
  const scope = storyReadScope(access);
  if (!access || !scope) return null;
  const story = await getStoryDetail(evaluationId, storyId, scope);
  if (!story) return null;
  const editable = canEditStory(access.roles, story.stage);
  const options = editable ? await getStoryFormOptions(evaluationId) : null;
  return {
    story: { id: story.id, code: story.snapshot.code, version: story.version },
    form: options ? { options, stored: { version: story.version, values: toFormValues(story.snapshot) } } : null,
  };
});

/** Everything that happened to the story, newest first, at most `limitPerKind` of each kind. */
export const loadStoryTimeline = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const scope = storyReadScope(await accessWith(evaluationId, reader, "story.view"));
  // The heading carries the scope: a story outside it is not found, and its timeline is not read.
  const story = scope ? await getStoryHeading(evaluationId, storyId, scope) : null;
  if (!story) return null;
  const entries = await getStoryTimeline(evaluationId, storyId);
  return { story, entries, limitPerKind: TIMELINE_LIMIT_PER_KIND };
});

/**
 * The story's saved versions and the two being compared: the ones asked for when they exist,
 * else the newest and the one before it. `before`/`after` are null when a stored snapshot is in
 * a shape this version of the app cannot read.
 */
export const loadStoryRevisions = cache(
  async (
    evaluationId: string,
    storyId: string,
    reader: Reader | null,
    wantedFrom: number | null,
    wantedTo: number | null,
  ) => {
    const scope = storyReadScope(await accessWith(evaluationId, reader, "story.view"));
    const story = scope ? await getStoryHeading(evaluationId, storyId, scope) : null;
    if (!story) return null;
    const revisions = await listStoryRevisions(evaluationId, storyId);
    const versions = new Set(revisions.map((revision) => revision.version));
    const pick = (wanted: number | null, fallback: number) =>
      wanted !== null && versions.has(wanted) ? wanted : fallback;
    const to = pick(wantedTo, revisions[0]?.version ?? 1);
    const from = pick(wantedFrom, revisions.find((revision) => revision.version < to)?.version ?? to);
    const pair = await getStoryRevisions(evaluationId, storyId, [...new Set([from, to])]);
    return {
      story,
      revisions,
      from,
      to,
      before: pair.get(from)?.snapshot ?? null,
      after: pair.get(to)?.snapshot ?? null,
    };
  },
);
