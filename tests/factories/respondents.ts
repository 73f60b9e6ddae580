/** Builders for respondents and their consent. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyRing } from "@/lib/crypto";
import { ConsentScopeKind } from "@/lib/generated/prisma/enums";
import { respondentCode } from "@/lib/respondents/policy";
import { sealIdentity, type IdentityValues } from "@/lib/respondents/sealing";
import { day, newId, nextSequence, type BuildInput, type WithId } from "./ids";

/** "R-0042" from 42: the app's own rule, so built rows look like the ones the app creates. */
export { respondentCode };

export function buildRespondent(
  input: BuildInput<Prisma.RespondentCreateManyInput, "evaluationId">,
): WithId<Prisma.RespondentCreateManyInput> {
  const codeNumber = input.codeNumber ?? nextSequence();
  return {
    type: "UNION_MEMBER",
    gender: "UNDISCLOSED",
    state: "Coahuila",
    language: "es",
    ...input,
    codeNumber,
    code: input.code ?? respondentCode(codeNumber),
    id: input.id ?? newId(),
  };
}

/**
 * What the respondent form sends for a woman union member in Coahuila, with the place, sector and
 * groups left unchosen (the form's empty choice is "").
 */
export function respondentFormAttributes(overrides: Record<string, unknown> = {}) {
  return {
    type: "UNION_MEMBER",
    gender: "WOMAN",
    state: "Coahuila",
    placeId: "",
    sectorId: "",
    language: "es",
    atRiskGroupIds: [] as string[],
    ...overrides,
  };
}

const issued = new Map<string, number>();

/**
 * The next free code number of an evaluation, for factories that write the respondent: above the
 * highest in the database (the form and imports take max + 1, so a per-process counter alone
 * would hand out a number they already used) and above any this process handed out, so
 * concurrent callers in one test get distinct numbers.
 */
export async function nextRespondentCodeNumber(prisma: PrismaClient, evaluationId: string): Promise<number> {
  const highest =
    (await prisma.respondent.aggregate({ where: { evaluationId }, _max: { codeNumber: true } }))._max.codeNumber ?? 0;
  const next = Math.max(highest, issued.get(evaluationId) ?? 0) + 1;
  issued.set(evaluationId, next);
  return next;
}

/** A consent given on a written form; add its scopes with `buildConsentScopes`. */
export function buildConsent(
  input: BuildInput<Prisma.ConsentCreateManyInput, "evaluationId" | "respondentId" | "recordedById">,
): WithId<Prisma.ConsentCreateManyInput> {
  return {
    givenOn: day("2024-06-01"),
    method: "WRITTEN",
    formVersion: "v1",
    language: "es",
    ...input,
    id: input.id ?? newId(),
  };
}

export const ALL_CONSENT_SCOPES = Object.values(ConsentScopeKind);

/**
 * One row per scope, every scope asked: granted unless `refused` names it.
 * `consent` needs only `evaluationId` and `id`, so a built consent can be passed as it is.
 */
export function buildConsentScopes(
  consent: { evaluationId: string; id: string },
  refused: readonly ConsentScopeKind[] = [],
): WithId<Prisma.ConsentScopeCreateManyInput>[] {
  return ALL_CONSENT_SCOPES.map((scope) => ({
    id: newId(),
    evaluationId: consent.evaluationId,
    consentId: consent.id,
    scope,
    granted: !refused.includes(scope),
  }));
}

/**
 * A sealed identity row for a respondent, as the app stores it (lib/respondents/sealing.ts).
 * Uses IDENTITY_ENCRYPTION_KEY unless a key ring is given.
 */
export function buildRespondentIdentity(
  input: { evaluationId: string; respondentId: string; id?: string } & Partial<IdentityValues>,
  ring?: KeyRing,
): WithId<Prisma.RespondentIdentityCreateManyInput> {
  const values: IdentityValues = {
    name: input.name ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    community: input.community ?? null,
  };
  return {
    id: input.id ?? newId(),
    evaluationId: input.evaluationId,
    respondentId: input.respondentId,
    ...sealIdentity(input.respondentId, values, ring),
  };
}
