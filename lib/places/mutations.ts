/**
 * Adding and removing an evaluation's places. A place is added with whatever it sits under (its
 * state, its municipality), each row with its audit event; a place that records name, or that
 * has places under it, cannot be removed. Names are kept as typed; the key compares them.
 */
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refusalsAsResults, Refusal, type Refused } from "@/lib/stories/refusal";
import { placeKey } from "./catalogue";
import type { AddPlaceInput, RemovePlaceInput } from "./schema";

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };

async function ensurePlace(tx: Tx, input: { evaluationId: string; state: string; municipality: string | null; community: string | null } & Actor) {
  const { evaluationId, state, municipality, community } = input;
  const key = placeKey(state, municipality, community);
  const existing = await tx.place.findUnique({ where: { evaluationId_key: { evaluationId, key } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const place = await tx.place.create({ data: { evaluationId, state, municipality, community, key }, select: { id: true } });
  await recordAudit(tx, { evaluationId, actorId: input.actorId, action: "place.create", recordType: "Place", recordId: place.id, after: { state, municipality, community }, ipAddress: input.ipAddress });
  return { id: place.id, created: true };
}

/** Adds the place and, when missing, the state and municipality it sits under; the place itself must be new. */
export async function addPlaceInTransaction(tx: Tx, input: AddPlaceInput & Actor): Promise<{ placeId: string }> {
  const { state, municipality, community } = input;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`places:${input.evaluationId}`}, 0))`;
  const levels = [
    { municipality: null, community: null, field: "state" },
    ...(municipality ? [{ municipality, community: null, field: "municipality" }] : []),
    ...(municipality && community ? [{ municipality, community, field: "community" }] : []),
  ];
  let place = { id: "", created: false };
  for (const level of levels) place = await ensurePlace(tx, { ...input, state, municipality: level.municipality, community: level.community });
  if (!place.created) throw new Refusal("DUPLICATE_PLACE", levels.at(-1)!.field);
  return { placeId: place.id };
}

export async function addPlace(input: AddPlaceInput & Actor): Promise<{ ok: true; placeId: string } | Refused> {
  return refusalsAsResults(() => db().$transaction(async (tx) => ({ ok: true as const, ...(await addPlaceInTransaction(tx, input)) })));
}

/** Removes a place nothing names and nothing sits under (a typo, a state the fieldwork never reached). */
export async function removePlace(input: RemovePlaceInput & Actor): Promise<{ ok: true } | Refused> {
  const { evaluationId, placeId, actorId, ipAddress } = input;
  return refusalsAsResults(() =>
    db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`places:${evaluationId}`}, 0))`;
      const place = await tx.place.findFirst({ where: { id: placeId, evaluationId }, select: { state: true, municipality: true, community: true } });
      if (!place) throw new AppError("NOT_FOUND");
      const where = { evaluationId, placeId };
      const uses = await Promise.all([tx.respondent.count({ where }), tx.interview.count({ where }), tx.focusGroup.count({ where }), tx.storyPlace.count({ where })]);
      if (uses.some((count) => count > 0)) throw new Refusal("PLACE_IN_USE");
      const under = await tx.place.count({
        where: place.municipality
          ? { evaluationId, state: place.state, municipality: place.municipality, community: { not: null } }
          : { evaluationId, state: place.state, municipality: { not: null } },
      });
      if (!place.community && under > 0) throw new Refusal("PLACE_HAS_PLACES_UNDER");
      await tx.place.delete({ where: { evaluationId_id: { evaluationId, id: placeId } } });
      await recordAudit(tx, { evaluationId, actorId, action: "place.delete", recordType: "Place", recordId: placeId, before: place, ipAddress });
      return { ok: true as const };
    }),
  );
}
