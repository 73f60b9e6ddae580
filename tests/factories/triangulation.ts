/** Builders for evidence items (the seed's demo evidence uses them too). */
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, type BuildInput, type WithId } from "./ids";

/** A supporting, moderate document without attachment, version 1. */
export function buildEvidenceItem(
  input: BuildInput<Prisma.EvidenceItemCreateManyInput, "evaluationId" | "storyId" | "addedById">,
): WithId<Prisma.EvidenceItemCreateManyInput> {
  return {
    sourceType: "DOCUMENT",
    citation: "Informe de prueba, 2024.",
    whatItShows: "Lo que muestra la evidencia.",
    stance: "SUPPORTS",
    strength: "MODERATE",
    version: 1,
    ...input,
    id: input.id ?? newId(),
  };
}
