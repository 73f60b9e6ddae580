import {
  fieldworkList,
  fieldworkListMetadata,
  fieldworkListPage,
} from "@/components/data-table/lists/fieldwork-list-page";
import { namedOptions, stateOptions } from "@/components/data-table/lists/list-filters";
import { enumOptions } from "@/components/data-table/lists/page";
import { respondentColumns, respondentRows } from "@/components/data-table/lists/respondents";
import { Gender, RespondentType } from "@/lib/generated/prisma/enums";
import { loadRespondentList } from "@/lib/respondents/loaders";
import { respondentListSpec } from "@/lib/tables/lists";

const respondents = fieldworkList({
  segment: "respondents",
  messages: "respondents",
  spec: respondentListSpec,
  readPermission: "respondent.view",
  newRecord: { permission: "respondent.edit", labelKey: "respondents.new.title" },
  load: loadRespondentList,
  columns: (context) => respondentColumns(context),
  rows: (page, context) => respondentRows(page, context),
  filters: (evaluation, context) => [
    {
      kind: "select",
      name: "type",
      options: enumOptions(Object.values(RespondentType), (type) => context.t(`respondentType.${type}`)),
    },
    {
      kind: "select",
      name: "gender",
      options: enumOptions(Object.values(Gender), (gender) => context.t(`gender.${gender}`)),
    },
    { kind: "select", name: "state", options: stateOptions(evaluation, context) },
    { kind: "select", name: "atRiskGroup", options: namedOptions(evaluation.atRiskGroups, context) },
  ],
  // Only those who carry out withdrawals see excluded respondents, so only they are told why.
  notice: ({ page, t }) => (page.includesExcluded ? <p className="muted">{t("respondents.excludedNote")}</p> : null),
});

export const generateMetadata = fieldworkListMetadata(respondents);

export default fieldworkListPage(respondents);
