/**
 * Adding and removing an evaluation's places. A place is added with whatever it sits under (its
 * state, its municipality), each row with its audit event; a place that records name, or that
 * has places under it, cannot be removed. Outside Mexico a country comes first, then the regions
 * the team names, then places under a region as under a state. Names are kept as typed; keys
 * compare them, accents and case aside.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nameKey } from "@/lib/name-key";
import { refusals, type Refused } from "@/lib/core/refusal";
import { placeKey } from "./catalogue";
import type { AddCountryInput, AddPlaceInput, AddRegionInput, RemoveCountryInput, RemovePlaceInput } from "./schema";

/** Why a place, region or country is not added or removed; each names the field it is about when there is one. */
export const PLACE_REFUSALS = [
  "COUNTRY_UNKNOWN",
  "REGION_UNKNOWN",
  "DUPLICATE_PLACE",
  "COUNTRY_IS_MEXICO",
  "DUPLICATE_COUNTRY",
  "DUPLICATE_NAME",
  "DUPLICATE_REGION_CODE",
  "PLACE_IN_USE",
  "PLACE_HAS_PLACES_UNDER",
] as const;
export type PlaceRefusal = (typeof PLACE_REFUSALS)[number];
const { refuse, asResults } = refusals<PlaceRefusal>();

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };
type Level = { countryCode: string | null; state: string; municipality: string | null; community: string | null };

/** One lock per evaluation for everything that adds or removes places or countries. */
const lockPlaces = (tx: Tx, evaluationId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`places:${evaluationId}`}, 0))`;

async function ensurePlace(tx: Tx, input: { evaluationId: string; regionCode?: string | null } & Level & Actor) {
  const { evaluationId, countryCode, state, municipality, community } = input;
  const key = placeKey(state, municipality, community, countryCode);
  const existing = await tx.place.findUnique({
    where: { evaluationId_key: { evaluationId, key } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const regionCode = input.regionCode ?? null;
  const place = await tx.place.create({
    data: { evaluationId, countryCode, state, regionCode, municipality, community, key },
    select: { id: true },
  });
  await recordAudit(tx, {
    evaluationId,
    actorId: input.actorId,
    action: "place.create",
    recordType: "Place",
    recordId: place.id,
    after: { ...(countryCode ? { countryCode, regionCode } : {}), state, municipality, community },
    ipAddress: input.ipAddress,
  });
  return { id: place.id, created: true };
}

/** The region row of a country the evaluation has, by its name whatever the accents or case. */
async function findRegion(tx: Tx, evaluationId: string, countryCode: string, name: string) {
  return tx.place.findUnique({
    where: { evaluationId_key: { evaluationId, key: placeKey(name, null, null, countryCode) } },
    select: { id: true, state: true },
  });
}

async function requireCountry(tx: Tx, evaluationId: string, code: string) {
  const country = await tx.placeCountry.findUnique({
    where: { evaluationId_code: { evaluationId, code } },
    select: { id: true },
  });
  if (!country) throw refuse("COUNTRY_UNKNOWN", "countryCode");
}

/**
 * Adds the place and, when missing, the Mexican state and municipality it sits under; the place
 * itself must be new. Outside Mexico the region must have been added first (it carries its code).
 */
export async function addPlaceInTransaction(tx: Tx, input: AddPlaceInput & Actor): Promise<{ placeId: string }> {
  const { evaluationId, countryCode, municipality, community } = input;
  await lockPlaces(tx, evaluationId);
  let state = input.state;
  if (countryCode) {
    await requireCountry(tx, evaluationId, countryCode);
    const region = await findRegion(tx, evaluationId, countryCode, state);
    if (!region) throw refuse("REGION_UNKNOWN", "state");
    state = region.state; // as the region was written
  }
  const levels = [
    { municipality: null, community: null, field: "state" },
    ...(municipality ? [{ municipality, community: null, field: "municipality" }] : []),
    ...(municipality && community ? [{ municipality, community, field: "community" }] : []),
  ];
  let place = { id: "", created: false };
  for (const level of levels)
    place = await ensurePlace(tx, {
      ...input,
      countryCode,
      state,
      municipality: level.municipality,
      community: level.community,
    });
  if (!place.created) throw refuse("DUPLICATE_PLACE", levels.at(-1)!.field);
  return { placeId: place.id };
}

export async function addPlace(
  input: AddPlaceInput & Actor,
): Promise<{ ok: true; placeId: string } | Refused<PlaceRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await addPlaceInTransaction(tx, input)) })),
  );
}

/** A country other than Mexico, by its ISO code and its names; neither code nor name twice. */
export async function addCountryInTransaction(tx: Tx, input: AddCountryInput & Actor): Promise<{ code: string }> {
  const { evaluationId, code, nameEs, nameEn, actorId, ipAddress } = input;
  await lockPlaces(tx, evaluationId);
  if ([nameEs, nameEn].some((name) => nameKey(name) === "mexico"))
    throw refuse("COUNTRY_IS_MEXICO", nameKey(nameEs) === "mexico" ? "nameEs" : "nameEn");
  const own = await tx.placeCountry.findMany({
    where: { evaluationId },
    select: { code: true, nameEs: true, nameEn: true },
  });
  if (own.some((country) => country.code === code)) throw refuse("DUPLICATE_COUNTRY", "code");
  const taken = new Set(own.flatMap((country) => [nameKey(country.nameEs), nameKey(country.nameEn)]));
  if (taken.has(nameKey(nameEs))) throw refuse("DUPLICATE_NAME", "nameEs");
  if (taken.has(nameKey(nameEn))) throw refuse("DUPLICATE_NAME", "nameEn");
  const country = await tx.placeCountry.create({ data: { evaluationId, code, nameEs, nameEn }, select: { id: true } });
  await recordAudit(tx, {
    evaluationId,
    actorId,
    action: "place.country.create",
    recordType: "PlaceCountry",
    recordId: country.id,
    after: { code, nameEs, nameEn },
    ipAddress,
  });
  return { code };
}

export async function addCountry(
  input: AddCountryInput & Actor,
): Promise<{ ok: true; code: string } | Refused<PlaceRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await addCountryInTransaction(tx, input)) })),
  );
}

/** A first-level region of one of the evaluation's countries; its name and its code once per country. */
export async function addRegionInTransaction(tx: Tx, input: AddRegionInput & Actor): Promise<{ placeId: string }> {
  const { evaluationId, countryCode, name, code } = input;
  await lockPlaces(tx, evaluationId);
  await requireCountry(tx, evaluationId, countryCode);
  if (code) {
    const sameCode = await tx.place.findFirst({
      where: { evaluationId, countryCode, regionCode: { equals: code, mode: "insensitive" } },
      select: { id: true },
    });
    if (sameCode) throw refuse("DUPLICATE_REGION_CODE", "code");
  }
  const place = await ensurePlace(tx, {
    ...input,
    countryCode,
    state: name,
    regionCode: code,
    municipality: null,
    community: null,
  });
  if (!place.created) throw refuse("DUPLICATE_PLACE", "name");
  return { placeId: place.id };
}

export async function addRegion(
  input: AddRegionInput & Actor,
): Promise<{ ok: true; placeId: string } | Refused<PlaceRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await addRegionInTransaction(tx, input)) })),
  );
}

/** Removes a place nothing names and nothing sits under (a typo, a state the fieldwork never reached). */
export async function removePlace(input: RemovePlaceInput & Actor): Promise<{ ok: true } | Refused<PlaceRefusal>> {
  const { evaluationId, placeId, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockPlaces(tx, evaluationId);
      const place = await tx.place.findFirst({
        where: { id: placeId, evaluationId },
        select: { countryCode: true, state: true, regionCode: true, municipality: true, community: true },
      });
      if (!place) throw new AppError("NOT_FOUND");
      const where = { evaluationId, placeId };
      const uses = await Promise.all([
        tx.respondent.count({ where }),
        tx.interview.count({ where }),
        tx.focusGroup.count({ where }),
        tx.storyPlace.count({ where }),
      ]);
      // A region of another country is also what its respondents' state and the fieldwork plan name.
      if (place.countryCode && !place.municipality) {
        const region = { evaluationId, countryCode: place.countryCode, state: place.state };
        uses.push(await tx.respondent.count({ where: region }), await tx.fieldworkPlanRegion.count({ where: region }));
      }
      if (uses.some((count) => count > 0)) throw refuse("PLACE_IN_USE");
      const inRegion = { evaluationId, countryCode: place.countryCode, state: place.state };
      const under = await tx.place.count({
        where: place.municipality
          ? { ...inRegion, municipality: place.municipality, community: { not: null } }
          : { ...inRegion, municipality: { not: null } },
      });
      if (!place.community && under > 0) throw refuse("PLACE_HAS_PLACES_UNDER");
      await tx.place.delete({ where: { evaluationId_id: { evaluationId, id: placeId } } });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "place.delete",
        recordType: "Place",
        recordId: placeId,
        before: place,
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

/** Removes a country with no region and no respondent left (added by mistake). */
export async function removeCountry(input: RemoveCountryInput & Actor): Promise<{ ok: true } | Refused<PlaceRefusal>> {
  const { evaluationId, code, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockPlaces(tx, evaluationId);
      const country = await tx.placeCountry.findUnique({
        where: { evaluationId_code: { evaluationId, code } },
        select: { id: true, code: true, nameEs: true, nameEn: true },
      });
      if (!country) throw new AppError("NOT_FOUND");
      const named = { evaluationId, countryCode: code };
      if ((await tx.respondent.count({ where: named })) + (await tx.fieldworkPlanRegion.count({ where: named })) > 0)
        throw refuse("PLACE_IN_USE");
      if ((await tx.place.count({ where: { evaluationId, countryCode: code } })) > 0)
        throw refuse("PLACE_HAS_PLACES_UNDER");
      await tx.placeCountry.delete({ where: { id: country.id } });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "place.country.delete",
        recordType: "PlaceCountry",
        recordId: country.id,
        before: { code: country.code, nameEs: country.nameEs, nameEn: country.nameEn },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}
