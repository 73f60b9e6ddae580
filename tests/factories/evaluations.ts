/** Builders for an evaluation and its setup: members, domains, projects, places, sectors, priorities. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isoDay } from "@/lib/core/calendar-day";
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

/**
 * The evaluation form's fields as the saved row stands, with its version: an update that spreads
 * these and changes one field changes only that one (the time zone is left out, so an update that
 * does not name it keeps it).
 */
export async function savedEvaluationFields(prisma: PrismaClient, evaluationId: string) {
  const current = await prisma.evaluation.findUniqueOrThrow({ where: { id: evaluationId } });
  return {
    evaluationId,
    expectedVersion: current.version,
    name: current.name,
    client: current.client,
    evaluatorOrganisation: current.evaluatorOrganisation,
    periodStart: isoDay(current.periodStart),
    periodEnd: isoDay(current.periodEnd),
    languages: current.languages,
    description: current.description,
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
 * The five groups most at risk that the USMCA labour evaluations report on, with the choice names
 * their collection forms use: the demo's groups, and every test evaluation's.
 */
export const STANDARD_AT_RISK_GROUPS = [
  { code: "women_workers", nameEn: "Women workers", nameEs: "Mujeres trabajadoras" },
  {
    code: "child_workers_families",
    nameEn: "Families of child workers",
    nameEs: "Familias de niñas y niños trabajadores",
  },
  {
    code: "domestic_migrant_or_indigenous_workers",
    nameEn: "Domestic migrant or Indigenous workers",
    nameEs: "Personas trabajadoras migrantes internas o indígenas",
  },
  {
    code: "at_risk_unionized_workers",
    nameEn: "Unionized workers at risk",
    nameEs: "Personas sindicalizadas en riesgo",
  },
  {
    code: "unaffiliated_or_informal_workers",
    nameEn: "Unaffiliated or informal workers",
    nameEs: "Personas trabajadoras no afiliadas o informales",
  },
] as const;
export type StandardAtRiskGroupCode = (typeof STANDARD_AT_RISK_GROUPS)[number]["code"];

export function buildAtRiskGroup(
  input: BuildInput<Prisma.AtRiskGroupCreateManyInput, "evaluationId">,
): WithId<Prisma.AtRiskGroupCreateManyInput> {
  const n = nextSequence();
  return {
    position: n,
    nameEn: `At-risk group ${n}`,
    nameEs: `Grupo en riesgo ${n}`,
    ...input,
    id: input.id ?? newId(),
  };
}

/** The standard five, in their order, for one evaluation. */
export function buildStandardAtRiskGroups(
  evaluationId: string,
): Array<WithId<Prisma.AtRiskGroupCreateManyInput> & { code: StandardAtRiskGroupCode }> {
  return STANDARD_AT_RISK_GROUPS.map((group, index) => ({
    ...buildAtRiskGroup({ evaluationId, position: index + 1, ...group }),
    code: group.code,
  }));
}

/**
 * Place.key as the schema defines it: "country|state|municipality|community" ("mx" in Mexico), trimmed, lower-case,
 * accents removed, empty parts kept as "".
 */
export function buildPlace(
  input: BuildInput<Prisma.PlaceCreateManyInput, "evaluationId" | "state">,
): WithId<Prisma.PlaceCreateManyInput> {
  return {
    ...input,
    key: input.key ?? placeKey(input.state, input.municipality, input.community, input.countryCode),
    id: input.id ?? newId(),
  };
}
