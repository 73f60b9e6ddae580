/** Builders for an evaluation and its setup: members, domains, projects, places, sectors, priorities. */
import type { Prisma } from "@/lib/generated/prisma/client";
import { nameKey } from "@/lib/name-key";
import { placeKey } from "@/lib/places/catalogue";

export { placeKey };
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

type Keyed<T> = Omit<T, "nameKeyEn" | "nameKeyEs" | "acronymKey" | "nameKey">;

export function buildDomain(
  input: BuildInput<Keyed<Prisma.DomainCreateManyInput>, "evaluationId">,
): WithId<Prisma.DomainCreateManyInput> {
  const n = nextSequence();
  const nameEn = input.nameEn ?? `Domain ${n}`;
  const nameEs = input.nameEs ?? `Dominio ${n}`;
  return {
    position: n,
    isOther: false,
    ...input,
    nameEn,
    nameEs,
    nameKeyEn: nameKey(nameEn),
    nameKeyEs: nameKey(nameEs),
    id: input.id ?? newId(),
  };
}

export function buildProject(
  input: BuildInput<Keyed<Prisma.ProjectCreateManyInput>, "evaluationId">,
): WithId<Prisma.ProjectCreateManyInput> {
  const n = nextSequence();
  const acronym = input.acronym ?? `P${n}`;
  const name = input.name ?? `Test project ${n}`;
  return {
    managingOffice: "OTLA",
    fundingStreams: ["USMCA"],
    ...input,
    acronym,
    name,
    acronymKey: nameKey(acronym),
    nameKey: nameKey(name),
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
export function buildPlace(
  input: BuildInput<Prisma.PlaceCreateManyInput, "evaluationId" | "state">,
): WithId<Prisma.PlaceCreateManyInput> {
  return {
    ...input,
    key: input.key ?? placeKey(input.state, input.municipality, input.community),
    id: input.id ?? newId(),
  };
}
