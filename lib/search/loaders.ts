/** What the search page reads: the evaluation's heading and the matches of the kinds this reader may search. */
import { cache } from "react";
import type { Reader } from "@/lib/evaluations/access";
import { loadEvaluationHeading } from "@/lib/evaluations/loaders";
import { searchEvaluation } from "./data";
import type { SearchState } from "./schema";

/** Null when the reader may search neither stories nor transcripts here (404). */
export const loadSearchPage = cache(async (evaluationId: string, reader: Reader | null, state: SearchState) => {
  const opened = await loadEvaluationHeading(evaluationId, reader, "story.view", "interview.view");
  const results = opened ? await searchEvaluation(evaluationId, opened.access.user, state) : null;
  return opened && results ? { evaluation: opened.evaluation, results } : null;
});
