import {
  fieldworkList,
  fieldworkListMetadata,
  fieldworkListPage,
} from "@/components/data-table/lists/fieldwork-list-page";
import { namedOptions, stateOptions } from "@/components/data-table/lists/list-filters";
import { enumOptions } from "@/components/data-table/lists/page";
import { storyColumns, storyRows } from "@/components/data-table/lists/stories";
import { ChangeType, StoryStage } from "@/lib/generated/prisma/enums";
import { loadStoryList } from "@/lib/stories/loaders";
import { storyListSpec } from "@/lib/tables/lists";
import { sortParam } from "@/lib/tables/url-state";

const stories = fieldworkList({
  segment: "stories",
  messages: "stories",
  spec: storyListSpec,
  readPermission: "story.view",
  newRecord: { permission: "story.edit", labelKey: "stories.new.title" },
  load: loadStoryList,
  // The match column exists only while searching.
  columns: (context, filters) => storyColumns(context, filters),
  rows: (page, context, evaluation) => storyRows(page, context, evaluation.domains),
  filters: (evaluation, context) => [
    { kind: "search", name: "q" },
    { kind: "select", name: "domain", options: namedOptions(evaluation.domains, context) },
    {
      kind: "select",
      name: "stage",
      options: enumOptions(Object.values(StoryStage), (stage) => context.t(`stage.${stage}`)),
    },
    {
      kind: "select",
      name: "changeType",
      options: enumOptions(Object.values(ChangeType), (type) => context.t(`changeType.${type}`)),
    },
    { kind: "select", name: "state", options: stateOptions(evaluation, context) },
    { kind: "select", name: "atRiskGroup", options: namedOptions(evaluation.atRiskGroups, context) },
    { kind: "date", name: "updatedFrom" },
    { kind: "date", name: "updatedTo" },
  ],
  // While searching in another order, one click goes back to relevance (the default then).
  extraActions: ({ state, defaultSort, t }) =>
    state.filters.q && state.sort.id !== "relevance" ? (
      <button
        type="submit"
        id="stories-relevance"
        name="sortBy"
        value={sortParam(defaultSort)}
        className="button button--secondary"
      >
        {t("filters.relevance")}
      </button>
    ) : null,
  // Only the newest matches are ranked (decision 0010); the page says when that applied.
  notice: ({ page, t }) =>
    page.rankWindow ? <p className="muted">{t("stories.rankWindow", { window: page.rankWindow })}</p> : null,
});

export const generateMetadata = fieldworkListMetadata(stories);

export default fieldworkListPage(stories);
