/** The demo's evidence rows and the stages of the stories they belong to, built with the test factories. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { day } from "@/tests/factories/ids";
import { buildEvidenceItem } from "@/tests/factories/triangulation";
import type { buildStoryRows } from "./story-rows";
import { TRIANGULATION } from "./triangulation-data";

type StoryRows = ReturnType<typeof buildStoryRows>;

export function buildTriangulationRows(stories: StoryRows, analystId: string) {
  const stages: Array<{ storyId: string; stage: "SELECTED" | "IN_TRIANGULATION"; stageChangedAt: Date }> = [];
  const evidence: Prisma.EvidenceItemCreateManyInput[] = [];
  for (const spec of TRIANGULATION) {
    const story = stories.stories.find((row) => row.codeNumber === spec.codeNumber);
    if (!story) throw new Error(`Demo triangulation: no story ${spec.codeNumber}`);
    stages.push({ storyId: story.id, stage: spec.stage, stageChangedAt: day(spec.stageChangedOn) });
    for (const item of spec.evidence) {
      const figure = item.figure ? stories.storyFigures.find((row) => row.storyId === story.id && row.position === item.figure) : undefined;
      if (item.figure && !figure) throw new Error(`Demo triangulation: story ${spec.codeNumber} has no figure ${item.figure}`);
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
  return { stages, evidence };
}
