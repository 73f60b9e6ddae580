/**
 * The facts a step's guard looks at: the story's own (data.ts `loadStageFacts`) plus the groups
 * its transitions ask for (selection, triangulation). Read inside a step's transaction by
 * stage-mutations.ts, and on their own for the story page's list of next steps.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { loadCandidacies } from "@/lib/selection/candidacies";
import { loadTriangulationFacts } from "@/lib/triangulation/data";
import { loadStageFacts } from "./data";
import { refusals } from "@/lib/core/refusal";
import type { MoveRefusal } from "./stage-mutations";
import { factGroupsFrom, type ExtraFacts, type FactGroup, type GuardFacts } from "./stage-machine";

// Read inside a step's transaction: a story gone meanwhile is the step's NOT_FOUND (MOVE_REFUSALS).
const { refuse } = refusals<MoveRefusal>();

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** One loader per fact group of the table (lib/stories/stage-machine.ts ExtraFacts). */
const FACT_LOADERS: {
  [G in FactGroup]: (client: Client, evaluationId: string, storyId: string) => Promise<ExtraFacts[G]>;
} = {
  selection: async (client, evaluationId, storyId) => ({
    candidacies: await loadCandidacies(client, evaluationId, storyId),
  }),
  triangulation: async (client, evaluationId, storyId) => {
    const facts = await loadTriangulationFacts(client, evaluationId, storyId);
    if (!facts) throw refuse("NOT_FOUND");
    return facts;
  },
};

/** The story's own facts plus the groups asked for; null when the story is not in the evaluation. */
export async function loadGuardFacts(
  client: Client,
  evaluationId: string,
  storyId: string,
  groups: readonly FactGroup[],
): Promise<GuardFacts | null> {
  const facts = await loadStageFacts(client, evaluationId, storyId);
  if (!facts) return null;
  const extra: Partial<ExtraFacts> = {};
  for (const group of groups)
    Object.assign(extra, { [group]: await FACT_LOADERS[group](client, evaluationId, storyId) });
  return { ...facts, ...extra };
}

/** What the story page needs to list every step out of `stage` with its blockers. */
export async function getStepFacts(
  evaluationId: string,
  storyId: string,
  stage: StoryStage,
): Promise<GuardFacts | null> {
  return loadGuardFacts(db(), evaluationId, storyId, factGroupsFrom(stage));
}
