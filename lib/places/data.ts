/** The evaluation's places for the setup page: Mexico by state (catalogue order), then each other country by region. */
import "server-only";
import { db } from "@/lib/db";
import { MEXICO_STATES } from "./catalogue";

type PlaceRow = {
  id: string;
  state: string;
  regionCode: string | null;
  municipality: string | null;
  community: string | null;
  inUse: boolean;
};

async function placesOf(evaluationId: string, countryCode: string | null): Promise<PlaceRow[]> {
  const rows = await db().place.findMany({
    where: { evaluationId, countryCode },
    orderBy: [{ municipality: { sort: "asc", nulls: "first" } }, { community: { sort: "asc", nulls: "first" } }],
    select: {
      id: true,
      state: true,
      regionCode: true,
      municipality: true,
      community: true,
      _count: { select: { respondents: true, interviews: true, focusGroups: true, stories: true } },
    },
  });
  return rows.map(({ _count, ...place }) => ({ ...place, inUse: Object.values(_count).some((count) => count > 0) }));
}

export async function listPlacesForSetup(evaluationId: string) {
  const places = await placesOf(evaluationId, null);
  return MEXICO_STATES.flatMap((state) => {
    const inState = places.filter((place) => place.state === state.name);
    const own = inState.find((place) => !place.municipality && !place.community);
    if (!own && inState.length === 0) return [];
    return [
      { state, placeId: own?.id ?? null, inUse: own?.inUse ?? false, places: inState.filter((place) => place !== own) },
    ];
  });
}

export type StatePlaces = Awaited<ReturnType<typeof listPlacesForSetup>>[number];

/**
 * The evaluation's other countries, each with its regions (by name) and the places under them.
 * A region whose respondents name it is in use too: their state is the region's name.
 */
export async function listCountriesForSetup(evaluationId: string) {
  const countries = await db().placeCountry.findMany({
    where: { evaluationId },
    orderBy: { code: "asc" },
    select: { code: true, nameEs: true, nameEn: true },
  });
  const respondentRegions = await db().respondent.groupBy({
    by: ["countryCode", "state"],
    where: { evaluationId, countryCode: { not: null } },
    _count: { _all: true },
  });
  const named = new Set(respondentRegions.map((row) => `${row.countryCode}|${row.state}`));
  return Promise.all(
    countries.map(async (country) => {
      const places = await placesOf(evaluationId, country.code);
      const regions = places
        .filter((place) => !place.municipality)
        .sort((a, b) => a.state.localeCompare(b.state, "es"))
        .map((region) => ({
          ...region,
          inUse: region.inUse || named.has(`${country.code}|${region.state}`),
          places: places.filter((place) => place.municipality && place.state === region.state),
        }));
      return {
        ...country,
        regions,
        inUse: regions.length > 0 || respondentRegions.some((row) => row.countryCode === country.code),
      };
    }),
  );
}

export type CountryPlaces = Awaited<ReturnType<typeof listCountriesForSetup>>[number];
