/**
 * Creating and editing respondents. Each write is one transaction that checks, writes and audits;
 * ids are explicit, the session is never read here (seeds and tests call these directly).
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { changedFields } from "@/lib/core/changed-fields";
import { refusals, refusalsAsRejections, type Rejection } from "@/lib/core/refusal";
import { keyRingFromEnv, type KeyRing } from "@/lib/crypto";
import { db } from "@/lib/db";
import { IDENTITY_FIELDS, MEXICAN_STATES } from "./constants";
import { respondentAttributesSelect } from "./data";
import { respondentCode } from "./policy";
import type { IdentityInput, RespondentAttributes } from "./schema";
import { identityParts, sealIdentity } from "./sealing";
import { lockAtVersion, saveOverVersion, TRANSACTION_OPTIONS, type Actor, type Tx } from "./transaction";
import { nameKey } from "@/lib/name-key";
import { placeKey } from "@/lib/places/catalogue";

/** Why a respondent is not created or edited; each names its field, except a save from an older form. */
export const RESPONDENT_REFUSALS = [
  "STATE_UNKNOWN",
  "REGION_UNKNOWN",
  "PLACE_UNKNOWN",
  "PLACE_OUTSIDE_STATE",
  "SECTOR_UNKNOWN",
  "AT_RISK_GROUP_UNKNOWN",
  "STALE_VERSION",
] as const;
export type RespondentRefusal = (typeof RESPONDENT_REFUSALS)[number];
const { refuse } = refusals<RespondentRefusal>();

/**
 * The place, sector and at-risk groups must belong to this evaluation; the place must be public
 * and in the state. Outside Mexico the state must be one of the evaluation's regions of the
 * country; it is stored as the region was written. Returns the state to store and the groups in
 * the list's order, the same every time, so an unchanged list never shows up as a change in the
 * audit trail.
 */
async function checkReferences(
  tx: Tx,
  evaluationId: string,
  attributes: RespondentAttributes,
): Promise<{ state: string; atRiskGroupIds: string[] }> {
  const { countryCode } = attributes;
  const [place, sector, groups, region] = await Promise.all([
    attributes.placeId
      ? tx.place.findFirst({
          where: { id: attributes.placeId, evaluationId },
          select: { countryCode: true, state: true, community: true },
        })
      : null,
    attributes.sectorId
      ? tx.sector.findFirst({ where: { id: attributes.sectorId, evaluationId }, select: { id: true } })
      : null,
    attributes.atRiskGroupIds.length > 0
      ? tx.atRiskGroup.findMany({
          where: { evaluationId, id: { in: attributes.atRiskGroupIds } },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      : [],
    countryCode
      ? tx.place.findUnique({
          where: { evaluationId_key: { evaluationId, key: placeKey(attributes.state, null, null, countryCode) } },
          select: { state: true },
        })
      : null,
  ]);
  if (!countryCode && !(MEXICAN_STATES as readonly string[]).includes(attributes.state))
    throw refuse("STATE_UNKNOWN", "state");
  if (countryCode && !region) throw refuse("REGION_UNKNOWN", "state");
  const state = region?.state ?? attributes.state;
  // A community can identify a person: it belongs in the sealed identity, not on the respondent.
  if (attributes.placeId && (!place || place.community !== null)) throw refuse("PLACE_UNKNOWN", "placeId");
  if (place && (place.countryCode !== countryCode || nameKey(place.state) !== nameKey(state)))
    throw refuse("PLACE_OUTSIDE_STATE", "placeId");
  if (attributes.sectorId && !sector) throw refuse("SECTOR_UNKNOWN", "sectorId");
  if (groups.length !== attributes.atRiskGroupIds.length) throw refuse("AT_RISK_GROUP_UNKNOWN", "atRiskGroupIds");
  return { state, atRiskGroupIds: groups.map((group) => group.id) };
}

async function writeGroups(tx: Tx, evaluationId: string, respondentId: string, groupIds: string[]) {
  await tx.respondentAtRiskGroup.deleteMany({ where: { evaluationId, respondentId } });
  await tx.respondentAtRiskGroup.createMany({
    data: groupIds.map((groupId) => ({ evaluationId, respondentId, groupId })),
  });
}

function attributeRow(attributes: RespondentAttributes, state: string) {
  return {
    type: attributes.type,
    gender: attributes.gender,
    countryCode: attributes.countryCode,
    state,
    placeId: attributes.placeId,
    sectorId: attributes.sectorId,
    language: attributes.language,
  };
}

export type CreateRespondentInput = {
  evaluationId: string;
  attributes: RespondentAttributes;
  /** Omitted or all empty: no identity is stored. */
  identity?: IdentityInput | null;
};

/**
 * Creates a respondent with the next code of the evaluation. A transaction-scoped advisory lock per
 * evaluation serialises code assignment; the unique (evaluation, code_number) constraint stays as
 * the last line of defence.
 */
export async function createRespondent(
  actor: Actor,
  input: CreateRespondentInput,
  ring: KeyRing = keyRingFromEnv(),
): Promise<{ id: string; code: string } | Rejection> {
  const { evaluationId } = input;
  const identity = input.identity ?? null;
  const parts = identity ? identityParts(identity) : null;
  const identityGiven = parts ? IDENTITY_FIELDS.filter((field) => parts[field] !== null) : [];

  return refusalsAsRejections(() =>
    db().$transaction(async (tx) => {
      const { state, atRiskGroupIds } = await checkReferences(tx, evaluationId, input.attributes);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`respondent-code:${evaluationId}`}, 0))`;
      const last = await tx.respondent.aggregate({ where: { evaluationId }, _max: { codeNumber: true } });
      const codeNumber = (last._max.codeNumber ?? 0) + 1;
      const code = respondentCode(codeNumber);
      const row = attributeRow(input.attributes, state);
      const created = await tx.respondent.create({
        data: { evaluationId, code, codeNumber, ...row },
        select: { id: true },
      });
      await writeGroups(tx, evaluationId, created.id, atRiskGroupIds);
      if (identity && identityGiven.length > 0) {
        await tx.respondentIdentity.create({
          data: { evaluationId, respondentId: created.id, ...sealIdentity(created.id, identity, ring) },
          select: { id: true },
        });
      }
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "respondent.create",
        recordType: "Respondent",
        recordId: created.id,
        // Which identity parts were given, never their values.
        after: { code, ...row, atRiskGroupIds, identityFields: identityGiven },
      });
      return { id: created.id, code };
    }, TRANSACTION_OPTIONS),
  );
}

export type UpdateRespondentInput = {
  evaluationId: string;
  respondentId: string;
  version: number;
  attributes: RespondentAttributes;
};

/** Saves the attributes if nobody saved since the form was loaded; audits the changed fields only. */
export async function updateRespondent(
  actor: Actor,
  input: UpdateRespondentInput,
): Promise<{ version: number } | Rejection> {
  const { evaluationId, respondentId } = input;
  return refusalsAsRejections(() =>
    db().$transaction(async (tx) => {
      const locked = await lockAtVersion(tx, evaluationId, respondentId, input.version);
      const { state, atRiskGroupIds } = await checkReferences(tx, evaluationId, input.attributes);
      const { atRiskGroups, ...stored } = await tx.respondent.findFirstOrThrow({
        where: { id: respondentId, evaluationId },
        select: {
          ...respondentAttributesSelect,
          atRiskGroups: { orderBy: { group: { position: "asc" } }, select: { groupId: true } },
        },
      });
      const current = { ...stored, atRiskGroupIds: atRiskGroups.map((link) => link.groupId) };
      const next = { ...attributeRow(input.attributes, state), atRiskGroupIds };
      const { before, after, changed } = changedFields(current, next);
      if (!changed) return { version: locked.version };

      const { atRiskGroupIds: _, ...columns } = next;
      const version = await saveOverVersion(tx, evaluationId, locked, columns);
      if ("atRiskGroupIds" in after) await writeGroups(tx, evaluationId, respondentId, atRiskGroupIds);
      await recordAudit(tx, {
        evaluationId,
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "respondent.update",
        recordType: "Respondent",
        recordId: respondentId,
        before,
        after: { ...after, version },
      });
      return { version };
    }, TRANSACTION_OPTIONS),
  );
}
