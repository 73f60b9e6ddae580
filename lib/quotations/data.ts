/**
 * Reads of quotations. Who stands behind a quotation (the story's storytellers and the known
 * respondents of the excerpt's interview or focus group) and their consents are read in three
 * queries for any number of quotations, never one per quotation, so the brief costs the same
 * with 21 outcomes among 100,000 stories as with 21 alone.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { consentStandingSelect } from "@/lib/respondents/policy";
import { quotationConsented, type QuotationSpeaker } from "./policy";

type Client = Prisma.TransactionClient | PrismaClient;

const key = (storyId: string, excerptId: string) => `${storyId}|${excerptId}`;

/** The speakers behind each (story, excerpt) pair, keyed `storyId|excerptId`. */
export async function quotationSpeakers(
  evaluationId: string,
  pairs: ReadonlyArray<{ storyId: string; excerptId: string }>,
  client: Client = db(),
): Promise<Map<string, QuotationSpeaker[]>> {
  const result = new Map<string, QuotationSpeaker[]>();
  if (!pairs.length) return result;
  const storyIds = [...new Set(pairs.map((pair) => pair.storyId))];
  const excerptIds = [...new Set(pairs.map((pair) => pair.excerptId))];
  // One after another: inside a transaction they share one connection.
  const tellers = await client.storyTeller.findMany({
    where: { evaluationId, storyId: { in: storyIds } },
    select: { storyId: true, respondentId: true },
  });
  const excerpts = await client.transcriptExcerpt.findMany({
    where: { evaluationId, id: { in: excerptIds } },
    select: {
      id: true,
      interview: { select: { respondents: { select: { respondentId: true } } } },
      focusGroup: { select: { participants: { select: { respondentId: true } } } },
    },
  });
  const heard = new Map(
    excerpts.map((excerpt) => [
      excerpt.id,
      [...(excerpt.interview?.respondents ?? []), ...(excerpt.focusGroup?.participants ?? [])].map(
        (row) => row.respondentId,
      ),
    ]),
  );
  const ids = [...new Set([...tellers.map((row) => row.respondentId), ...[...heard.values()].flat()])];
  const respondents = await client.respondent.findMany({
    where: { evaluationId, id: { in: ids } },
    select: {
      id: true,
      excludedAt: true,
      consents: consentStandingSelect(evaluationId),
    },
  });
  const byId = new Map(respondents.map((row) => [row.id, row]));
  for (const { storyId, excerptId } of pairs) {
    const people = new Set([
      ...tellers.filter((row) => row.storyId === storyId).map((row) => row.respondentId),
      ...(heard.get(excerptId) ?? []),
    ]);
    result.set(
      key(storyId, excerptId),
      [...people].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    );
  }
  return result;
}

export function speakersOf(map: Map<string, QuotationSpeaker[]>, storyId: string, excerptId: string) {
  return map.get(key(storyId, excerptId)) ?? [];
}

const QUOTATION_FIELDS = {
  id: true,
  storyId: true,
  excerptId: true,
  text: true,
  language: true,
  translation: true,
  translationLanguage: true,
  translatedAt: true,
  translatedBy: { select: { name: true } },
  version: true,
  createdAt: true,
} as const;

/** The quotations of these stories, oldest first, through the (evaluation, story, created) index. */
export async function listQuotations(evaluationId: string, storyIds: string[]) {
  if (!storyIds.length) return [];
  return db().storyQuotation.findMany({
    where: { evaluationId, storyId: { in: storyIds } },
    orderBy: [{ storyId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: QUOTATION_FIELDS,
  });
}

export type QuotationRow = Awaited<ReturnType<typeof listQuotations>>[number];

/** The story a quotation page is about, in this evaluation only. */
export async function findQuotationStory(evaluationId: string, storyId: string) {
  return db().changeStory.findFirst({
    where: { id: storyId, evaluationId },
    select: { id: true, code: true, title: true, stage: true },
  });
}

/** The excerpts this story rests on: the passages that may be quoted. */
export async function listStoryExcerpts(evaluationId: string, storyId: string) {
  const rows = await db().storySource.findMany({
    where: { evaluationId, storyId, excerptId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { excerpt: { select: { id: true, quotedText: true } } },
  });
  return rows.flatMap((row) => (row.excerpt && row.excerpt.quotedText.trim() ? [row.excerpt] : []));
}

/**
 * The quotations the brief may print under these outcomes: only those whose every speaker
 * consents to anonymous quotation at this moment. Three queries besides the list, whatever the count.
 */
export async function listPrintableQuotations(evaluationId: string, storyIds: string[]) {
  const rows = await listQuotations(evaluationId, storyIds);
  const speakers = await quotationSpeakers(evaluationId, rows);
  return rows
    .filter((row) => quotationConsented(speakersOf(speakers, row.storyId, row.excerptId)))
    .map(({ storyId, text, language, translation, translationLanguage }) => ({
      storyId,
      text,
      language,
      translation,
      translationLanguage,
    }));
}
