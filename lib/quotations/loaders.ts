/**
 * What the quotations page reads, with the read policy inside: null for anyone who may not see
 * triangulation here and for a story outside this evaluation (the page answers 404). Each
 * quotation says whether it would be printed now; the passages still open to quoting go only to
 * those who may choose them while the story is quotable.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import { findQuotationStory, listQuotations, listStoryExcerpts, quotationSpeakers, speakersOf } from "./data";
import { isQuotableStage, quotationConsented } from "./policy";

export const loadStoryQuotations = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "triangulation.view");
  if (!access) return null;
  const story = await findQuotationStory(evaluationId, storyId);
  if (!story) return null;
  const [quotations, excerpts] = await Promise.all([
    listQuotations(evaluationId, [storyId]),
    listStoryExcerpts(evaluationId, storyId),
  ]);
  const speakers = await quotationSpeakers(evaluationId, [
    ...quotations.map((row) => ({ storyId, excerptId: row.excerptId })),
    ...excerpts.map((excerpt) => ({ storyId, excerptId: excerpt.id })),
  ]);
  const consented = (excerptId: string) => quotationConsented(speakersOf(speakers, storyId, excerptId));
  const canEdit = isQuotableStage(story.stage) && can(access.roles, "quotation.manage");
  const quoted = new Set(quotations.map((row) => row.excerptId));
  return {
    story,
    canEdit,
    quotations: quotations.map((row) => ({ ...row, consented: consented(row.excerptId) })),
    candidates: canEdit
      ? excerpts
          .filter((excerpt) => !quoted.has(excerpt.id))
          .map((excerpt) => ({ id: excerpt.id, text: excerpt.quotedText, consented: consented(excerpt.id) }))
      : null,
  };
});
