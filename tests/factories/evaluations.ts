/** Builders for an evaluation and its setup: members, domains, projects, places, sectors, priorities. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { day, newId, nextSequence, type BuildInput, type WithId } from "./ids";

export function buildEvaluation(
  overrides: Partial<Prisma.EvaluationCreateManyInput> = {},
): WithId<Prisma.EvaluationCreateManyInput> {
  return {
    name: `Test evaluation ${nextSequence()}`,
    client: "Test funder",
    evaluatorOrganisation: "Test evaluators",
    periodStart: day("2024-03-01"),
    periodEnd: day("2025-05-31"),
    languages: ["ES", "EN"],
    ...overrides,
    id: overrides.id ?? newId(),
  };
}

export function buildMembership(
  input: BuildInput<Prisma.EvaluationMemberCreateManyInput, "evaluationId" | "userId" | "roles">,
): WithId<Prisma.EvaluationMemberCreateManyInput> {
  return { ...input, id: input.id ?? newId() };
}

export function buildDomain(
  input: BuildInput<Prisma.DomainCreateManyInput, "evaluationId">,
): WithId<Prisma.DomainCreateManyInput> {
  const n = nextSequence();
  return {
    position: n,
    nameEn: `Domain ${n}`,
    nameEs: `Dominio ${n}`,
    isOther: false,
    ...input,
    id: input.id ?? newId(),
  };
}

export function buildProject(
  input: BuildInput<Prisma.ProjectCreateManyInput, "evaluationId">,
): WithId<Prisma.ProjectCreateManyInput> {
  const n = nextSequence();
  return {
    acronym: `P${n}`,
    name: `Test project ${n}`,
    managingOffice: "OTLA",
    fundingStreams: ["USMCA"],
    ...input,
    id: input.id ?? newId(),
  };
}

export function buildSector(
  input: BuildInput<Prisma.SectorCreateManyInput, "evaluationId">,
): WithId<Prisma.SectorCreateManyInput> {
  const n = nextSequence();
  return { nameEn: `Sector ${n}`, nameEs: `Sector ${n}`, ...input, id: input.id ?? newId() };
}

export function buildPriorityTag(
  input: BuildInput<Prisma.PriorityTagCreateManyInput, "evaluationId">,
): WithId<Prisma.PriorityTagCreateManyInput> {
  const n = nextSequence();
  return { position: n, nameEn: `Priority ${n}`, nameEs: `Prioridad ${n}`, ...input, id: input.id ?? newId() };
}

/**
 * Place.key as the schema defines it: "state|municipality|community", trimmed, lower-case,
 * accents removed, empty parts kept as "".
 */
export function placeKey(state: string, municipality?: string | null, community?: string | null): string {
  return [state, municipality ?? "", community ?? ""]
    .map((part) => part.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""))
    .join("|");
}

export function buildPlace(
  input: BuildInput<Prisma.PlaceCreateManyInput, "evaluationId" | "state">,
): WithId<Prisma.PlaceCreateManyInput> {
  return {
    ...input,
    key: input.key ?? placeKey(input.state, input.municipality, input.community),
    id: input.id ?? newId(),
  };
}
