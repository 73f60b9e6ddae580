/**
 * Evaluation reads. The viewer's membership is part of every `where`, so an evaluation the
 * viewer may not see is never loaded; `canViewEvaluation` then checks the row that came back.
 */
import "server-only";
import { regionToken } from "@/lib/places/regions";
import { cache } from "react";
import { db } from "@/lib/db";
import type { EvaluationRole, Prisma } from "@/lib/generated/prisma/client";
import { canViewEvaluation } from "./policy";
import { validId } from "@/lib/core/ids";

export type EvaluationReader = { id: string; isAdmin: boolean };

/** What an evaluation is, for whom, by whom and when: the head of its overview, set-up and brief. */
export const evaluationTitleSelect = {
  id: true,
  name: true,
  client: true,
  evaluatorOrganisation: true,
  periodStart: true,
  periodEnd: true,
  languages: true,
} as const;

function visibleTo(user: EvaluationReader): Prisma.EvaluationWhereInput {
  // A missing id would silently drop the membership filter; refuse rather than match everything.
  if (typeof user.id !== "string" || user.id.length === 0) throw new Error("visibleTo: the reader has no id");
  return user.isAdmin ? {} : { members: { some: { userId: user.id, roles: { isEmpty: false } } } };
}

function ownMembership(user: EvaluationReader) {
  return { where: { userId: user.id }, select: { roles: true }, take: 1 } as const;
}

export type EvaluationListItem = {
  id: string;
  name: string;
  client: string;
  periodStart: Date;
  periodEnd: Date;
  roles: EvaluationRole[];
};

export async function listEvaluationsForUser(user: EvaluationReader): Promise<EvaluationListItem[]> {
  const rows = await db().evaluation.findMany({
    where: visibleTo(user),
    orderBy: [{ periodStart: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      client: true,
      periodStart: true,
      periodEnd: true,
      members: ownMembership(user),
    },
  });
  return rows
    .filter((row) => canViewEvaluation(user, row.members[0]))
    .map(({ members, ...row }) => ({ ...row, roles: members[0]?.roles ?? [] }));
}

/** The overview of one evaluation, or null when it does not exist or the reader may not see it. */
export const getEvaluationOverview = cache(async (evaluationId: string, user: EvaluationReader) => {
  if (!validId(evaluationId)) return null;
  const row = await db().evaluation.findFirst({
    where: { AND: [{ id: evaluationId }, visibleTo(user)] },
    select: {
      ...evaluationTitleSelect,
      description: true,
      // The current setup: retired domains and projects stay in history, not on the overview.
      domains: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, nameEn: true, nameEs: true, definitionEn: true, definitionEs: true, isOther: true },
      },
      projects: {
        where: { retiredAt: null },
        orderBy: { acronym: "asc" },
        select: { id: true, acronym: true, name: true, managingOffice: true, fundingStreams: true },
      },
      places: { select: { countryCode: true, state: true, municipality: true } },
      placeCountries: { orderBy: { code: "asc" }, select: { code: true, nameEs: true, nameEn: true } },
      sectors: { select: { id: true, nameEn: true, nameEs: true } },
      priorityTags: { orderBy: { position: "asc" }, select: { id: true, nameEn: true, nameEs: true } },
      atRiskGroups: { orderBy: { position: "asc" }, select: { id: true, nameEn: true, nameEs: true } },
      members: { select: { id: true, userId: true, roles: true, user: { select: { name: true } } } },
    },
  });
  if (!row) return null;
  const membership = row.members.find((member) => member.userId === user.id);
  if (!canViewEvaluation(user, membership)) return null;

  const { places, placeCountries, members, ...rest } = row;
  return {
    ...rest,
    states: municipalitiesByState(places, placeCountries),
    team: members.map((member) => ({ id: member.id, name: member.user.name, roles: member.roles })),
  };
});

export type EvaluationOverview = NonNullable<Awaited<ReturnType<typeof getEvaluationOverview>>>;

/**
 * Each state (or region of another country) once, with how many different municipalities are
 * recorded in it; `region` is its filter value (lib/places/regions.ts), `country` null in Mexico.
 */
function municipalitiesByState(
  places: Array<{ countryCode: string | null; state: string; municipality: string | null }>,
  countries: Array<{ code: string; nameEs: string; nameEn: string }>,
) {
  const byRegion = new Map<string, { countryCode: string | null; state: string; municipalities: Set<string> }>();
  for (const place of places) {
    const region = regionToken(place);
    const entry = byRegion.get(region) ?? {
      countryCode: place.countryCode,
      state: place.state,
      municipalities: new Set<string>(),
    };
    if (place.municipality) entry.municipalities.add(place.municipality);
    byRegion.set(region, entry);
  }
  return [...byRegion].map(([region, entry]) => ({
    region,
    state: entry.state,
    country: countries.find((country) => country.code === entry.countryCode) ?? null,
    municipalityCount: entry.municipalities.size,
  }));
}

/** What a section's page shows of its evaluation, for a caller whose access is already checked. */
export async function findEvaluationHeading(
  evaluationId: string,
): Promise<{ id: string; name: string; languages: string[] } | null> {
  return db().evaluation.findUnique({ where: { id: evaluationId }, select: { id: true, name: true, languages: true } });
}

/**
 * The reader's roles in one evaluation, or null when the evaluation does not exist or the reader
 * may not see it (both answer 404: nothing tells an outsider the evaluation exists).
 */
export async function findEvaluationAccess(
  evaluationId: string,
  user: EvaluationReader,
): Promise<{ roles: EvaluationRole[] } | null> {
  if (!validId(evaluationId)) return null;
  const row = await db().evaluation.findFirst({
    where: { AND: [{ id: evaluationId }, visibleTo(user)] },
    select: { members: ownMembership(user) },
  });
  if (!row || !canViewEvaluation(user, row.members[0])) return null;
  return { roles: row.members[0]?.roles ?? [] };
}

/** The evaluation's time zone (deadlines are typed and shown in it); null for no such evaluation. */
export async function findEvaluationTimeZone(evaluationId: string): Promise<string | null> {
  if (!validId(evaluationId)) return null;
  const row = await db().evaluation.findUnique({ where: { id: evaluationId }, select: { timeZone: true } });
  return row?.timeZone ?? null;
}
