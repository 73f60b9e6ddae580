/**
 * The story tests' start: a database of the file's own with the app pointed at it and the story
 * world of tests/factories/stories.ts in it; a story form's valid fields; a story created through
 * the mutation by the world's evaluator, and its second version by the lead; the stories list as
 * it first opens.
 */
import type { StoryFormValues } from "@/lib/stories/form-values";
import { emptyStoryValues } from "@/lib/stories/form-values";
import { storyFieldsSchema, type StoryFields } from "@/lib/stories/schema";
import type { StoryFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase } from "@/tests/support/test-database";

/** In beforeAll. */
export async function openStoryWorld() {
  const database = await openTestDatabase();
  pointAppAt(database.url);
  return { database, world: await createStoryWorld(database.prisma) };
}

/** A valid story as the form sends it: told by a consenting respondent, from the world's interview. */
export function storyFields(world: StoryWorld, overrides: Partial<StoryFormValues> = {}): StoryFields {
  return storyFieldsSchema.parse({
    ...emptyStoryValues("es"),
    title: "Historia",
    whatChanged: "Qué cambió.",
    whySignificant: "Por qué.",
    changeType: "POSITIVE",
    storytellerIds: [world.respondents.consenting.id],
    sources: [{ kind: "INTERVIEW", id: world.interview.id }],
    ...overrides,
  });
}

/** Creates the story as the evaluator; a refusal fails the test here. Returns its id. */
export async function newStory(world: StoryWorld, overrides: Partial<StoryFormValues> = {}): Promise<string> {
  const { createStory } = await import("@/lib/stories/mutations");
  const result = await createStory({
    actorId: world.team.members.evaluator!.id,
    evaluationId: world.evaluationId,
    story: storyFields(world, overrides),
  });
  if (!result.ok) throw new Error(result.reason);
  return result.storyId;
}

/** Saves the story's second version as the lead, over version 1; a refusal fails the test here. */
export async function reviseStory(
  world: StoryWorld,
  storyId: string,
  overrides: Partial<StoryFormValues>,
  note: string | null = null,
): Promise<void> {
  const { updateStory } = await import("@/lib/stories/mutations");
  const saved = await updateStory({
    actorId: world.team.members.lead.id,
    evaluationId: world.evaluationId,
    storyId,
    expectedVersion: 1,
    story: storyFields(world, overrides),
    note,
  });
  if (!saved.ok) throw new Error(saved.reason);
}

/** The stories list as it first opens: page one of 25, by code, no filter, no columns chosen. */
export const STORY_LIST_FIRST_PAGE: TableState<StoryFilters> = {
  page: 1,
  pageSize: 25,
  sort: { id: "code", desc: false },
  columns: [],
  filters: {},
};
