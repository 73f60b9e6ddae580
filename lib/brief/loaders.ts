/**
 * The brief as the reader may have it: null for anyone who may not have the copy asked for (the
 * page and the download answer 404). The read policy is applied here, before any record is
 * read: reviewers and evaluators get the approved copy only, leads also the draft copies.
 */
import { evaluationAccess, type Reader } from "@/lib/evaluations/access";
import { listLearnings } from "@/lib/learnings/data";
import { listPrintableQuotations } from "@/lib/quotations/data";
import { briefContent, type BriefContent, type BriefRecords } from "./content";
import {
  countMethodFigures,
  findBriefEvaluation,
  listBriefDomains,
  listBriefOutcomes,
  listBriefProjects,
  listOutcomeSources,
} from "./data";
import type { BriefLanguage } from "./outcome-sentence";
import { briefCopy, type BriefInclude } from "./policy";

export async function loadBriefRecords(
  evaluationId: string,
  reader: Reader,
  include: BriefInclude,
): Promise<BriefRecords | null> {
  const access = await evaluationAccess(evaluationId, reader);
  const copy = access ? briefCopy(access.roles, include) : null;
  if (!copy) return null;
  const [evaluation, outcomes, domains, learnings, method, projects] = await Promise.all([
    findBriefEvaluation(evaluationId),
    listBriefOutcomes(evaluationId, copy.stages),
    listBriefDomains(evaluationId),
    // Only the texts: the stories a key learning draws on are not printed in the brief.
    listLearnings(evaluationId, { storyStages: ["APPROVED"] }),
    countMethodFigures(evaluationId, copy.stages),
    listBriefProjects(evaluationId),
  ]);
  if (!evaluation) return null;
  const storyIds = outcomes.map((outcome) => outcome.id);
  const [sources, quotations] = await Promise.all([
    listOutcomeSources(evaluationId, storyIds),
    // Consent is checked as the brief is made: a withdrawal takes a quotation out of every later copy.
    listPrintableQuotations(evaluationId, storyIds),
  ]);
  return { evaluation, draft: copy.draft, outcomes, domains, learnings, method, projects, sources, quotations };
}

export async function loadBrief(
  evaluationId: string,
  reader: Reader,
  options: { include: BriefInclude; lang: BriefLanguage },
): Promise<BriefContent | null> {
  const records = await loadBriefRecords(evaluationId, reader, options.include);
  return records && briefContent(records, options.lang);
}
