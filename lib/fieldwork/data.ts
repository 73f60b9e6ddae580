/**
 * Reads shared by interviews and focus groups: what their forms offer, and the parts of a record
 * both kinds read alike. The evaluation is in every `where`; people come as names and
 * respondents as codes, never their identity.
 */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { hearingConsentsSelect, hearingEligibility, type HearingEligibility } from "./policy";
import { validId } from "@/lib/core/ids";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readLinkIds, type LinkIds, type LinkTables } from "./links";

export type FieldworkFormOptions = {
  evaluationName: string;
  team: Array<{ userId: string; name: string }>;
  respondents: Array<{ id: string; code: string; state: string; eligibility: HearingEligibility }>;
  /** Retired projects too: a form shows them only on a record that already names them. */
  projects: Array<{ id: string; acronym: string; name: string; retired: boolean }>;
  places: Array<{ id: string; label: string }>;
};

/** "Oaxaca · Oaxaca de Juárez"; a region outside Mexico with its country's code: "Quetzaltenango (GT) · Almolonga". */
export function placeLabel(place: {
  countryCode?: string | null;
  state: string;
  municipality: string | null;
  community: string | null;
}): string {
  const region = place.countryCode ? `${place.state} (${place.countryCode})` : place.state;
  return [region, place.municipality, place.community].filter(Boolean).join(" · ");
}

/** The team, the respondents (with whether they may be heard), the projects and the places. */
export async function getFieldworkFormOptions(evaluationId: string): Promise<FieldworkFormOptions | null> {
  if (!validId(evaluationId)) return null;
  const evaluation = await db().evaluation.findFirst({
    where: { id: evaluationId },
    select: {
      name: true,
      members: { select: { userId: true, user: { select: { name: true } } } },
      respondents: {
        orderBy: { codeNumber: "asc" },
        select: {
          id: true,
          code: true,
          state: true,
          excludedAt: true,
          consents: hearingConsentsSelect(evaluationId),
        },
      },
      projects: { orderBy: { acronym: "asc" }, select: { id: true, acronym: true, name: true, retiredAt: true } },
      places: { select: { id: true, countryCode: true, state: true, municipality: true, community: true } },
    },
  });
  if (!evaluation) return null;
  const collator = new Intl.Collator("es");
  return {
    evaluationName: evaluation.name,
    team: evaluation.members
      .map((member) => ({ userId: member.userId, name: member.user.name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    respondents: evaluation.respondents.map((respondent) => ({
      id: respondent.id,
      code: respondent.code,
      state: respondent.state,
      eligibility: hearingEligibility(respondent),
    })),
    projects: evaluation.projects.map(({ retiredAt, ...project }) => ({ ...project, retired: retiredAt !== null })),
    places: evaluation.places
      .map((place) => ({ id: place.id, label: placeLabel(place) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  };
}

/** Columns both kinds have, read alike for a page and for an edit. */
const recordColumns = {
  id: true,
  version: true,
  date: true,
  language: true,
  notes: true,
  transcriptOriginal: true,
  transcriptLanguage: true,
  transcriptTranslation: true,
  translationLanguage: true,
} as const;

/** What both kinds store in their own row, as the edit form starts from it and as a save compares with it. */
export const storedRecordSelect = {
  ...recordColumns,
  placeId: true,
  translatedById: true,
} as const;

type Client = Prisma.TransactionClient;

/**
 * A record as stored: its row (`findRow` reads the kind's table with this `where`) and its links
 * as id lists. Read alike by the edit form and by the save that compares with it (`client` is
 * the saving transaction there).
 */
export async function findStoredRecord<R, Field extends string>(
  client: Client,
  links: LinkTables<Field>,
  where: { id: string; evaluationId: string },
  findRow: (where: { id: string; evaluationId: string }) => Promise<R | null>,
): Promise<(R & LinkIds<Field>) | null> {
  const row = await findRow(where);
  if (!row) return null;
  return { ...row, ...(await readLinkIds(client, links, { evaluationId: where.evaluationId, recordId: where.id })) };
}

/** A stored record as its edit form starts from it: the day as the date field shows it. */
export async function storedForEdit<R extends { date: Date }>(
  evaluationId: string,
  recordId: string,
  find: (client: Client, evaluationId: string, recordId: string) => Promise<R | null>,
) {
  if (!validId(evaluationId) || !validId(recordId)) return null;
  const row = await find(db(), evaluationId, recordId);
  return row && { ...row, date: isoDay(row.date) };
}

/** What a record's page shows of what both kinds have: names and labels rather than ids. */
export const recordDetailSelect = {
  ...recordColumns,
  updatedAt: true,
  evaluation: { select: { name: true } },
  place: { select: { countryCode: true, state: true, municipality: true, community: true } },
  translatedBy: { select: { name: true } },
  projects: { select: { project: { select: { id: true, acronym: true, name: true } } } },
} as const;

export const teamLinkSelect = { select: { user: { select: { id: true, name: true } } } } as const;
export const respondentLinkSelect = {
  select: { respondent: { select: { id: true, code: true, codeNumber: true } } },
} as const;

type DetailRow = {
  evaluation: { name: string };
  place: { countryCode: string | null; state: string; municipality: string | null; community: string | null } | null;
  translatedBy: { name: string } | null;
  projects: Array<{ project: { id: string; acronym: string; name: string } }>;
};

/** The shared part of a record's page: names and labels instead of ids, projects by acronym. */
export function recordDetail<R extends DetailRow>(row: R) {
  const { evaluation, place, translatedBy, projects, ...record } = row;
  return {
    ...record,
    evaluationName: evaluation.name,
    place: place ? placeLabel(place) : null,
    translatedBy: translatedBy?.name ?? null,
    projects: projects.map((link) => link.project).sort((a, b) => a.acronym.localeCompare(b.acronym)),
  };
}

/**
 * A record's page read: its row, which `findRow` reads from the kind's table with the shared
 * detail select and its own, with names and labels instead of ids. Null for an id no record can
 * have, without a query.
 */
export async function findRecordDetail<R extends DetailRow>(
  evaluationId: string,
  recordId: string,
  findRow: (where: { id: string; evaluationId: string }) => Promise<R | null>,
) {
  if (!validId(evaluationId) || !validId(recordId)) return null;
  const row = await findRow({ id: recordId, evaluationId });
  return row && recordDetail(row);
}

/** The team members who ran a record, by name. */
export function teamOf(links: Array<{ user: { id: string; name: string } }>) {
  return links.map((link) => link.user).sort((a, b) => a.name.localeCompare(b.name));
}

/** The respondents heard, by code (R-0002 before R-0010). */
export function respondentsOf(links: Array<{ respondent: { id: string; code: string; codeNumber: number } }>) {
  return links.map((link) => link.respondent).sort((a, b) => a.codeNumber - b.codeNumber);
}

/**
 * What a list page shows around its table: the evaluation's name and the choices its filters
 * offer (states with a recorded place, at-risk groups, current domains). Nothing else of the
 * evaluation: the page needs no more.
 */
export async function getListSetting(evaluationId: string) {
  if (!validId(evaluationId)) return null;
  const row = await db().evaluation.findFirst({
    where: { id: evaluationId },
    select: {
      name: true,
      places: { select: { state: true }, distinct: ["state"] },
      atRiskGroups: { orderBy: { position: "asc" }, select: { id: true, nameEn: true, nameEs: true } },
      domains: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, nameEn: true, nameEs: true },
      },
    },
  });
  if (!row) return null;
  const { places, ...rest } = row;
  return { ...rest, states: places.map((place) => ({ state: place.state })) };
}

export type ListSetting = NonNullable<Awaited<ReturnType<typeof getListSetting>>>;
