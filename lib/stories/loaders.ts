/**
 * What the story pages read, with the read policy inside: null for anyone who may not see the
 * stories here (the page answers 404, so nobody learns whether the evaluation exists).
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import type { StoryFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { findStoryPage } from "./list";

/** One page of the stories table, or null for a reader who may not read stories here. */
export const loadStoryList = cache(async (evaluationId: string, reader: Reader | null, state: TableState<StoryFilters>) => {
  if (!(await accessWith(evaluationId, reader, "story.view"))) return null;
  return findStoryPage(evaluationId, state);
});
