/** Builders for change stories and the rows that hang off them. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, nextSequence, type BuildInput, type WithId } from "./ids";

/** "CS-0007" from 7. */
export function storyCode(codeNumber: number): string {
  return `CS-${String(codeNumber).padStart(4, "0")}`;
}

/** A positive draft story in Spanish, version 1. Add a revision with `buildStoryRevision`. */
export function buildChangeStory(
  input: BuildInput<Prisma.ChangeStoryCreateManyInput, "evaluationId" | "authorId">,
): WithId<Prisma.ChangeStoryCreateManyInput> {
  const codeNumber = input.codeNumber ?? nextSequence();
  return {
    title: `Historia de prueba ${codeNumber}`,
    whatChanged: "Qué cambió, para quién, dónde y cuándo.",
    whySignificant: "Por qué es significativo, en palabras de quien lo cuenta.",
    originalLanguage: "es",
    changeType: "POSITIVE",
    periodPrecision: "YEAR",
    stage: "DRAFT",
    version: 1,
    ...input,
    codeNumber,
    code: input.code ?? storyCode(codeNumber),
    id: input.id ?? newId(),
  };
}

export function buildStoryFigure(
  input: BuildInput<Prisma.StoryFigureCreateManyInput, "evaluationId" | "storyId" | "position" | "label" | "value">,
): WithId<Prisma.StoryFigureCreateManyInput> {
  return { qualifier: "EXACT", ...input, id: input.id ?? newId() };
}

/** A current (not ended) primary assignment unless `kind` says otherwise. */
export function buildDomainAssignment(
  input: BuildInput<Prisma.DomainAssignmentCreateManyInput, "evaluationId" | "storyId" | "domainId" | "assignedById">,
): WithId<Prisma.DomainAssignmentCreateManyInput> {
  return {
    kind: "PRIMARY",
    rationale: "Assigned for the test.",
    ...input,
    id: input.id ?? newId(),
  };
}

/** The revision written with a story's save; `snapshot` is the whole story as saved. */
export function buildStoryRevision(
  input: BuildInput<Prisma.StoryRevisionCreateManyInput, "evaluationId" | "storyId" | "editedById" | "snapshot">,
): WithId<Prisma.StoryRevisionCreateManyInput> {
  return { version: 1, ...input, id: input.id ?? newId() };
}
