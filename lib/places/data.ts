/** The evaluation's places for the setup page: by state (catalogue order), each with what names it. */
import { db } from "@/lib/db";
import { MEXICO_STATES } from "./catalogue";

export async function listPlacesForSetup(evaluationId: string) {
  const rows = await db().place.findMany({
    where: { evaluationId },
    orderBy: [{ municipality: { sort: "asc", nulls: "first" } }, { community: { sort: "asc", nulls: "first" } }],
    select: { id: true, state: true, municipality: true, community: true, _count: { select: { respondents: true, interviews: true, focusGroups: true, stories: true } } },
  });
  const places = rows.map(({ _count, ...place }) => ({ ...place, inUse: Object.values(_count).some((count) => count > 0) }));
  return MEXICO_STATES.flatMap((state) => {
    const inState = places.filter((place) => place.state === state.name);
    const own = inState.find((place) => !place.municipality && !place.community);
    if (!own && inState.length === 0) return [];
    return [{ state, placeId: own?.id ?? null, inUse: own?.inUse ?? false, places: inState.filter((place) => place !== own) }];
  });
}

export type StatePlaces = Awaited<ReturnType<typeof listPlacesForSetup>>[number];
