/**
 * What the interview pages read, through the fieldwork loaders (lib/fieldwork/loaders.ts): null
 * for anyone who may not read interviews, or edit them for the forms (the page answers 404).
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { INTERVIEW } from "@/lib/fieldwork/kinds";
import { loadNewRecordForm, loadRecordForm, loadRecordPage } from "@/lib/fieldwork/loaders";
import type { InterviewFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { getInterviewDetail, getInterviewForEdit } from "./data";
import { listInterviews } from "./list";

export const loadInterviewList = cache(
  async (evaluationId: string, reader: Reader | null, state: TableState<InterviewFilters>) =>
    (await accessWith(evaluationId, reader, "interview.view")) ? listInterviews(evaluationId, state) : null,
);

export const loadInterviewPage = cache((evaluationId: string, interviewId: string, reader: Reader | null) =>
  loadRecordPage(INTERVIEW, evaluationId, interviewId, reader, getInterviewDetail),
);

export const loadInterviewForm = cache((evaluationId: string, interviewId: string, reader: Reader | null) =>
  loadRecordForm(INTERVIEW, evaluationId, interviewId, reader, getInterviewForEdit),
);

export const loadNewInterviewForm = cache((evaluationId: string, reader: Reader | null) =>
  loadNewRecordForm(evaluationId, reader),
);
