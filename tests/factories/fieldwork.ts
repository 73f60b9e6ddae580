/** Builders for interviews, focus groups and transcript excerpts. */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ConsentScopeKind, TranscriptVariant, WithdrawalChoice } from "@/lib/generated/prisma/enums";
import { day, newId, type BuildInput, type WithId } from "./ids";
import { buildConsent, buildConsentScopes, buildRespondent, nextRespondentCodeNumber } from "./respondents";

export function buildInterview(
  input: BuildInput<Prisma.InterviewCreateManyInput, "evaluationId">,
): WithId<Prisma.InterviewCreateManyInput> {
  const language = input.language ?? "es";
  return {
    date: day("2024-06-15"),
    mode: "IN_PERSON",
    ...input,
    language,
    // The schema asks for the transcript's language whenever there is a transcript.
    transcriptLanguage: input.transcriptLanguage ?? (input.transcriptOriginal ? language : null),
    translationLanguage: input.translationLanguage ?? (input.transcriptTranslation ? "en" : null),
    id: input.id ?? newId(),
  };
}

export function buildFocusGroup(
  input: BuildInput<Prisma.FocusGroupCreateManyInput, "evaluationId">,
): WithId<Prisma.FocusGroupCreateManyInput> {
  const language = input.language ?? "es";
  return {
    date: day("2024-06-15"),
    topic: "Test focus group",
    anonymousParticipantCount: 0,
    ...input,
    language,
    transcriptLanguage: input.transcriptLanguage ?? (input.transcriptOriginal ? language : null),
    translationLanguage: input.translationLanguage ?? (input.transcriptTranslation ? "en" : null),
    id: input.id ?? newId(),
  };
}

/** Where `quote` first stands in `transcript`, in UTF-16 code units; a quote not there fails loudly. */
function passageOffsets(transcript: string, quote: string, caller: string) {
  const startOffset = transcript.indexOf(quote);
  if (quote.length === 0 || startOffset < 0) {
    throw new Error(`${caller}: the quote is not in the transcript: "${quote.slice(0, 60)}"`);
  }
  return { startOffset, endOffset: startOffset + quote.length };
}

type ExcerptSource = { interviewId: string; focusGroupId?: never } | { focusGroupId: string; interviewId?: never };

/**
 * An excerpt anchored on the first occurrence of `quote` in `transcript` (the text the variant
 * names), with offsets in UTF-16 code units as the schema defines them. Throws when the quote is
 * not in the transcript, so a typo in a fixture fails loudly instead of storing drifted offsets.
 */
export function buildExcerpt(
  input: ExcerptSource & {
    evaluationId: string;
    createdById: string;
    transcript: string;
    quote: string;
    variant?: TranscriptVariant;
    note?: string | null;
    id?: string;
  },
): WithId<Prisma.TranscriptExcerptCreateManyInput> {
  return {
    id: input.id ?? newId(),
    evaluationId: input.evaluationId,
    interviewId: input.interviewId ?? null,
    focusGroupId: input.focusGroupId ?? null,
    variant: input.variant ?? "ORIGINAL",
    ...passageOffsets(input.transcript, input.quote, "buildExcerpt"),
    quotedText: input.quote,
    note: input.note ?? null,
    createdById: input.createdById,
  };
}

/**
 * What the transcript viewer sends when someone marks `quote` in `transcript` (createExcerpt's
 * input), with the offsets computed as buildExcerpt computes them.
 */
export function passageSelection(input: {
  evaluationId: string;
  source: "INTERVIEW" | "FOCUS_GROUP";
  sourceId: string;
  transcript: string;
  quote: string;
  variant?: TranscriptVariant;
  note?: string;
}) {
  return {
    evaluationId: input.evaluationId,
    source: input.source,
    sourceId: input.sourceId,
    variant: input.variant ?? "ORIGINAL",
    ...passageOffsets(input.transcript, input.quote, "passageSelection"),
    quotedText: input.quote,
    note: input.note,
  };
}

/**
 * A respondent with one consent form, written to the database: every scope granted unless
 * `refused` names it, optionally withdrawn (and then excluded for EXCLUDE and DESTROY, as the
 * respondents' rules do). For interview and focus-group tests.
 */
export async function createConsentedRespondent(
  prisma: PrismaClient,
  input: {
    evaluationId: string;
    recordedById: string;
    refused?: ConsentScopeKind[];
    withdrawn?: WithdrawalChoice;
    /** No consent row at all. */
    withoutConsent?: boolean;
  },
): Promise<WithId<Prisma.RespondentCreateManyInput>> {
  const respondent = buildRespondent({
    evaluationId: input.evaluationId,
    codeNumber: await nextRespondentCodeNumber(prisma, input.evaluationId),
    excludedAt: input.withdrawn && input.withdrawn !== "STOP" ? day("2024-11-01") : null,
  });
  await prisma.respondent.create({ data: respondent });
  if (input.withoutConsent) return respondent;
  const consent = buildConsent({
    evaluationId: input.evaluationId,
    respondentId: respondent.id,
    recordedById: input.recordedById,
    withdrawnOn: input.withdrawn ? day("2024-11-01") : null,
    withdrawalChoice: input.withdrawn ?? null,
  });
  await prisma.consent.create({ data: consent });
  await prisma.consentScope.createMany({ data: buildConsentScopes(consent, input.refused ?? []) });
  return respondent;
}
