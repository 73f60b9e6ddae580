/**
 * Respondent reads for the pages. The evaluation is in every `where`; identity ciphertexts are
 * never selected here (only lib/respondents/identity-mutations.ts opens them, and audits it).
 */
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { ConsentScopeKind } from "@/lib/generated/prisma/enums";
import { CONSENT_SCOPES } from "./constants";

const LINKED_RECORDS_SHOWN = 200;

export type ScopeAnswer = boolean | null;

export type RespondentDetailOptions = {
  /** Leads and evaluators: whether an identity exists or was destroyed (never its content). */
  identityState: boolean;
  /** Those who record consent also read the withdrawal note, which can be personal. */
  withdrawalNote: boolean;
};

/**
 * Everything the respondent page shows, or null when the respondent is not in this evaluation.
 * (Options are separate booleans: React's cache compares arguments by identity.)
 */
export const getRespondentDetail = cache(
  async (evaluationId: string, respondentId: string, identityState: boolean, withdrawalNote: boolean) => {
    const options: RespondentDetailOptions = { identityState, withdrawalNote };
    const row = await db().respondent.findFirst({
      where: { id: respondentId, evaluationId },
      select: {
        id: true,
        code: true,
        type: true,
        gender: true,
        state: true,
        language: true,
        atRiskGroups: {
          orderBy: { group: { position: "asc" } },
          select: { group: { select: { id: true, nameEn: true, nameEs: true } } },
        },
        excludedAt: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        evaluation: { select: { name: true } },
        place: { select: { state: true, municipality: true } },
        sector: { select: { nameEn: true, nameEs: true } },
        identity: options.identityState ? { select: { destroyedAt: true } } : false,
        consents: {
          orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
          select: {
            id: true,
            givenOn: true,
            method: true,
            formVersion: true,
            language: true,
            withdrawnOn: true,
            withdrawalChoice: true,
            withdrawalNote: options.withdrawalNote,
            createdAt: true,
            recordedBy: { select: { name: true } },
            scopes: { select: { scope: true, granted: true } },
          },
        },
        interviews: {
          take: LINKED_RECORDS_SHOWN,
          orderBy: { interview: { date: "desc" } },
          select: { interview: { select: { id: true, date: true, mode: true } } },
        },
        focusGroups: {
          take: LINKED_RECORDS_SHOWN,
          orderBy: { focusGroup: { date: "desc" } },
          select: { focusGroup: { select: { id: true, date: true, topic: true } } },
        },
        storiesTold: {
          take: LINKED_RECORDS_SHOWN,
          orderBy: { story: { codeNumber: "asc" } },
          select: { story: { select: { id: true, code: true, title: true, flaggedSourceDestroyedAt: true } } },
        },
      },
    });
    if (!row) return null;
    const { evaluation, identity, consents, interviews, focusGroups, storiesTold, atRiskGroups, ...respondent } = row;
    return {
      ...respondent,
      atRiskGroups: atRiskGroups.map((link) => link.group),
      evaluationName: evaluation.name,
      identity: options.identityState
        ? identity
          ? identity.destroyedAt
            ? ({ state: "destroyed", destroyedAt: identity.destroyedAt } as const)
            : ({ state: "present" } as const)
          : ({ state: "none" } as const)
        : null,
      consents: consents.map(({ scopes, recordedBy, withdrawalNote, ...consent }) => ({
        ...consent,
        withdrawalNote: options.withdrawalNote ? (withdrawalNote ?? null) : null,
        recordedByName: recordedBy.name,
        scopes: Object.fromEntries(
          CONSENT_SCOPES.map((scope) => [scope, scopes.find((answer) => answer.scope === scope)?.granted ?? null]),
        ) as Record<ConsentScopeKind, ScopeAnswer>,
      })),
      interviews: interviews.map((link) => link.interview),
      focusGroups: focusGroups.map((link) => link.focusGroup),
      stories: storiesTold.map((link) => link.story),
    };
  },
);

export type RespondentDetail = NonNullable<Awaited<ReturnType<typeof getRespondentDetail>>>;

/** A respondent's attributes as stored: what the edit form starts from and a save compares with. */
export const respondentAttributesSelect = {
  type: true,
  gender: true,
  countryCode: true,
  state: true,
  placeId: true,
  sectorId: true,
  language: true,
} as const;

/** The respondent as the edit form needs it. */
export async function getRespondentForEdit(evaluationId: string, respondentId: string) {
  return db().respondent.findFirst({
    where: { id: respondentId, evaluationId },
    select: {
      id: true,
      code: true,
      ...respondentAttributesSelect,
      atRiskGroups: { select: { groupId: true } },
      version: true,
      evaluation: { select: { name: true } },
    },
  });
}

export type RespondentForEdit = NonNullable<Awaited<ReturnType<typeof getRespondentForEdit>>>;

/**
 * Public places (state or municipality, never a community), the countries other than Mexico,
 * sectors and at-risk groups of the evaluation.
 */
export async function getRespondentFormOptions(evaluationId: string) {
  const [evaluation, places, countries, sectors, atRiskGroups] = await Promise.all([
    db().evaluation.findFirst({ where: { id: evaluationId }, select: { name: true } }),
    db().place.findMany({
      where: { evaluationId, community: null },
      orderBy: [{ state: "asc" }, { municipality: "asc" }],
      select: { id: true, countryCode: true, state: true, municipality: true },
    }),
    db().placeCountry.findMany({
      where: { evaluationId },
      orderBy: { code: "asc" },
      select: { code: true, nameEs: true, nameEn: true },
    }),
    db().sector.findMany({
      where: { evaluationId },
      orderBy: { nameEn: "asc" },
      select: { id: true, nameEn: true, nameEs: true },
    }),
    db().atRiskGroup.findMany({
      where: { evaluationId },
      orderBy: { position: "asc" },
      select: { id: true, nameEn: true, nameEs: true },
    }),
  ]);
  return { evaluationName: evaluation?.name ?? "", places, countries, sectors, atRiskGroups };
}

export type RespondentFormOptions = Awaited<ReturnType<typeof getRespondentFormOptions>>;

/** The newest consent (what a withdrawal applies to) and how much the respondent appears in. */
export async function getCurrentConsent(evaluationId: string, respondentId: string) {
  return db().respondent.findFirst({
    where: { id: respondentId, evaluationId },
    select: {
      id: true,
      code: true,
      evaluation: { select: { name: true } },
      consents: {
        orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { id: true, givenOn: true, method: true, formVersion: true, withdrawnOn: true, withdrawalChoice: true },
      },
      _count: { select: { interviews: true, focusGroups: true, storiesTold: true } },
    },
  });
}
