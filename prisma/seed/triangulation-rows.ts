/**
 * The demo's evidence rows, built with the test factories: evidence an analyst gathered early for
 * two stories now before the demo selection round, so the triangulation pages have something to
 * show as soon as the panel selects them.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { day } from "@/tests/factories/ids";
import { buildEvidenceItem } from "@/tests/factories/triangulation";
import type { buildStoryRows } from "./story-rows";
import { TRIANGULATION } from "./triangulation-data";

type StoryRows = ReturnType<typeof buildStoryRows>;

export function buildTriangulationRows(stories: StoryRows, analystId: string) {
  const evidence: Prisma.EvidenceItemCreateManyInput[] = [];
  for (const spec of TRIANGULATION) {
    const story = stories.stories.find((row) => row.codeNumber === spec.codeNumber);
    if (!story) throw new Error(`Demo triangulation: no story ${spec.codeNumber}`);
    for (const item of spec.evidence) {
      const figure = item.figure
        ? stories.storyFigures.find((row) => row.storyId === story.id && row.position === item.figure)
        : undefined;
      if (item.figure && !figure)
        throw new Error(`Demo triangulation: story ${spec.codeNumber} has no figure ${item.figure}`);
      const added = day(item.addedOn);
      evidence.push(
        buildEvidenceItem({
          evaluationId: story.evaluationId,
          storyId: story.id,
          addedById: analystId,
          sourceType: item.sourceType,
          citation: item.citation,
          whatItShows: item.whatItShows,
          stance: item.stance,
          strength: item.strength,
          figureId: figure?.id ?? null,
          response: item.response ?? null,
          createdAt: added,
          updatedAt: added,
        }),
      );
    }
  }
  return { evidence };
}
