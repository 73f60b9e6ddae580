/**
 * The demo's selection: a domain panel (the demo panelist and a second panelist, who is there
 * because the browser tests lock the first one out) and an OPEN ranking round holding the screened
 * stories of the domain that has most of them, so a first look shows selection at work. The
 * round's stories are IN_SELECTION, as opening a round makes them (lib/stories/stage-machine.ts).
 * One screened story of another domain stays screened, for a lead to put before a new round.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/tests/factories/ids";

type StoryRow = { id: string; stage?: string | null; stageChangedAt?: Date | string | null };
type AssignmentRow = { storyId: string; domainId: string; kind?: string | null };

export const DEMO_ROUND_NAME = "Ronda 1: cambios más significativos del dominio";
export const DEMO_PANEL_NAME = "Panel de dominio";

/** A panel and its members as rows: the demo's open round and the approved outcomes' decided one each sit one. */
export function panelRows(
  evaluationId: string,
  panel: Pick<Prisma.SelectionPanelCreateManyInput, "name" | "level" | "domainId">,
  panelistIds: readonly string[],
) {
  const id = newId();
  const members: Prisma.PanelMemberCreateManyInput[] = panelistIds.map((userId) => ({
    id: newId(),
    evaluationId,
    panelId: id,
    userId,
  }));
  return { panel: { id, evaluationId, ...panel } satisfies Prisma.SelectionPanelCreateManyInput, members };
}

export function buildSelectionRows(input: {
  evaluationId: string;
  leadId: string;
  panelistIds: string[];
  stories: StoryRow[];
  assignments: AssignmentRow[];
  now?: Date;
}) {
  const { evaluationId } = input;
  const now = input.now ?? new Date();
  const screened = new Set(input.stories.filter((story) => story.stage === "SCREENED").map((story) => story.id));
  const byDomain = new Map<string, string[]>();
  for (const row of input.assignments) {
    if ((row.kind ?? "PRIMARY") !== "PRIMARY" || !screened.has(row.storyId)) continue;
    byDomain.set(row.domainId, [...(byDomain.get(row.domainId) ?? []), row.storyId]);
  }
  const [domainId, candidates] = [...byDomain.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!domainId || !candidates) throw new Error("The demo has no screened story for a selection round.");
  // Keep one screened story out of the round when the domain holds them all.
  const inRound = candidates.length === screened.size && candidates.length > 1 ? candidates.slice(0, -1) : candidates;

  const { panel, members } = panelRows(
    evaluationId,
    { name: DEMO_PANEL_NAME, level: "DOMAIN", domainId },
    input.panelistIds,
  );
  const round: Prisma.SelectionRoundCreateManyInput = {
    id: newId(),
    evaluationId,
    panelId: panel.id,
    name: DEMO_ROUND_NAME,
    domainId,
    method: "RANKING",
    selectCount: 1,
    opensAt: now,
    // Far enough ahead that the demo stays open for voting.
    deadline: new Date(now.getTime() + 60 * 86_400_000),
    resultsHiddenUntilClosed: true,
    status: "OPEN",
    version: 2,
  };
  const roundCandidates: Prisma.RoundCandidateCreateManyInput[] = inRound.map((storyId) => ({
    id: newId(),
    evaluationId,
    roundId: round.id!,
    storyId,
  }));
  return { panel, members, round, roundCandidates, inRound: new Set(inRound) };
}
