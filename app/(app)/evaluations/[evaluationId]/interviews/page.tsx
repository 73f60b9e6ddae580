import { interviewColumns, interviewRows } from "@/components/data-table/lists/fieldwork";
import {
  fieldworkList,
  fieldworkListMetadata,
  fieldworkListPage,
} from "@/components/data-table/lists/fieldwork-list-page";
import { stateOptions } from "@/components/data-table/lists/list-filters";
import { enumOptions } from "@/components/data-table/lists/page";
import { InterviewMode } from "@/lib/generated/prisma/enums";
import { loadInterviewList } from "@/lib/interviews/loaders";
import { interviewListSpec } from "@/lib/tables/lists";

const interviews = fieldworkList({
  segment: "interviews",
  messages: "interviews",
  spec: interviewListSpec,
  readPermission: "interview.view",
  newRecord: { permission: "interview.edit", labelKey: "fieldwork.interviews.newTitle" },
  load: loadInterviewList,
  columns: (context) => interviewColumns(context),
  rows: (page, context) => interviewRows(page.rows, context),
  filters: (evaluation, context) => [
    {
      kind: "select",
      name: "mode",
      options: enumOptions(Object.values(InterviewMode), (mode) => context.t(`mode.${mode}`)),
    },
    { kind: "select", name: "state", options: stateOptions(evaluation, context) },
    { kind: "date", name: "from" },
    { kind: "date", name: "to" },
  ],
});

export const generateMetadata = fieldworkListMetadata(interviews);

export default fieldworkListPage(interviews);
