/**
 * What the focus group pages read, through the fieldwork loaders (lib/fieldwork/loaders.ts).
 * Focus groups are fieldwork like interviews: the same permissions cover both.
 */
import { cache } from "react";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { FOCUS_GROUP } from "@/lib/fieldwork/kinds";
import { loadNewRecordForm, loadRecordForm, loadRecordPage } from "@/lib/fieldwork/loaders";
import type { FocusGroupFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { getFocusGroupDetail, getFocusGroupForEdit } from "./data";
import { listFocusGroups } from "./list";

export const loadFocusGroupList = cache(
  async (evaluationId: string, reader: Reader | null, state: TableState<FocusGroupFilters>) =>
    (await accessWith(evaluationId, reader, "interview.view")) ? listFocusGroups(evaluationId, state) : null,
);

export const loadFocusGroupPage = cache((evaluationId: string, focusGroupId: string, reader: Reader | null) =>
  loadRecordPage(FOCUS_GROUP, evaluationId, focusGroupId, reader, getFocusGroupDetail),
);

export const loadFocusGroupForm = cache((evaluationId: string, focusGroupId: string, reader: Reader | null) =>
  loadRecordForm(FOCUS_GROUP, evaluationId, focusGroupId, reader, getFocusGroupForEdit),
);

export const loadNewFocusGroupForm = cache((evaluationId: string, reader: Reader | null) =>
  loadNewRecordForm(evaluationId, reader),
);
