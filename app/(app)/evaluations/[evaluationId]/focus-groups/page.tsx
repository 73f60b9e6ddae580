import { focusGroupColumns, focusGroupRows } from "@/components/data-table/lists/fieldwork";
import {
  fieldworkList,
  fieldworkListMetadata,
  fieldworkListPage,
} from "@/components/data-table/lists/fieldwork-list-page";
import { stateOptions } from "@/components/data-table/lists/list-filters";
import { loadFocusGroupList } from "@/lib/focus-groups/loaders";
import { focusGroupListSpec } from "@/lib/tables/lists";

// Focus groups are fieldwork like interviews: the same permissions cover both.
const focusGroups = fieldworkList({
  segment: "focus-groups",
  messages: "focusGroups",
  spec: focusGroupListSpec,
  readPermission: "interview.view",
  newRecord: { permission: "interview.edit", labelKey: "fieldwork.focusGroups.newTitle" },
  load: loadFocusGroupList,
  columns: (context) => focusGroupColumns(context),
  rows: (page, context) => focusGroupRows(page.rows, context),
  filters: (evaluation, context) => [
    { kind: "select", name: "state", options: stateOptions(evaluation, context) },
    { kind: "date", name: "from" },
    { kind: "date", name: "to" },
  ],
});

export const generateMetadata = fieldworkListMetadata(focusGroups);

export default fieldworkListPage(focusGroups);
