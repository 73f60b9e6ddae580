/**
 * Choosing, translating and removing a quotation. Each is ONE transaction: lock the story row,
 * check its stage, check the consents of everyone behind the passage, write, and append the
 * audit event. Translations and removals name the version the analyst loaded (CONFLICT
 * otherwise). Called by the actions, the seed and the tests with explicit ids.
 */
import "server-only";
import { TRANSACTION_OPTIONS } from "@/lib/core/transaction";
import { recordAudit } from "@/lib/audit";
import { refusals } from "@/lib/core/refusal";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { quotationSpeakers, speakersOf } from "./data";
import { isQuotableStage, quotationConsented } from "./policy";
import type { QuotationLanguage } from "./types";

type Tx = Prisma.TransactionClient;

export const QUOTATION_REFUSALS = [
  "STAGE_LOCKED",
  "EXCERPT_NOT_A_SOURCE",
  "ALREADY_QUOTED",
  "NO_QUOTATION_CONSENT",
  "TRANSLATOR_NOT_MEMBER",
  "SAME_LANGUAGE",
] as const;
export type QuotationRefusal = (typeof QUOTATION_REFUSALS)[number];
const { refuse, asResults } = refusals<QuotationRefusal>();

/** The story row, locked against a stage step while a quotation is written. */
async function lockStory(tx: Tx, evaluationId: string, storyId: string) {
  const rows = await tx.$queryRaw<
    Array<{ stage: StoryStage }>
  >`SELECT stage::text AS stage FROM change_story WHERE id = ${storyId} AND evaluation_id = ${evaluationId} FOR SHARE`;
  const story = rows[0];
  if (!story) throw new AppError("NOT_FOUND");
  if (!isQuotableStage(story.stage)) throw refuse("STAGE_LOCKED");
}

/** The quotation as stored, its story locked (and still quotable) before it is changed. */
async function findStoredLocked(tx: Tx, evaluationId: string, quotationId: string) {
  const stored = await tx.storyQuotation.findFirst({
    where: { id: quotationId, evaluationId },
    select: {
      storyId: true,
      excerptId: true,
      language: true,
      translation: true,
      translationLanguage: true,
      version: true,
    },
  });
  if (!stored) throw new AppError("NOT_FOUND");
  await lockStory(tx, evaluationId, stored.storyId);
  return stored;
}

export async function chooseQuotation(input: {
  actorId: string;
  evaluationId: string;
  storyId: string;
  excerptId: string;
  ipAddress?: string | null;
}) {
  const { actorId, evaluationId, storyId, excerptId } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      await lockStory(tx, evaluationId, storyId);
      const source = await tx.storySource.findFirst({
        where: { evaluationId, storyId, excerptId },
        select: {
          excerpt: {
            select: {
              quotedText: true,
              interview: { select: { transcriptLanguage: true, language: true } },
              focusGroup: { select: { transcriptLanguage: true, language: true } },
            },
          },
        },
      });
      const excerpt = source?.excerpt;
      // An emptied excerpt (its transcript destroyed on a withdrawal) has nothing left to quote.
      if (!excerpt || !excerpt.quotedText.trim()) throw refuse("EXCERPT_NOT_A_SOURCE", "excerptId");
      const speakers = await quotationSpeakers(evaluationId, [{ storyId, excerptId }], tx);
      if (!quotationConsented(speakersOf(speakers, storyId, excerptId)))
        throw refuse("NO_QUOTATION_CONSENT", "excerptId");
      const existing = await tx.storyQuotation.findFirst({ where: { storyId, excerptId }, select: { id: true } });
      if (existing) throw refuse("ALREADY_QUOTED", "excerptId");
      const held = excerpt.interview ?? excerpt.focusGroup;
      const language = held?.transcriptLanguage ?? held?.language ?? "es";
      const created = await tx.storyQuotation
        .create({
          data: { evaluationId, storyId, excerptId, text: excerpt.quotedText.trim(), language, chosenById: actorId },
          select: { id: true, version: true },
        })
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === "P2002") throw refuse("ALREADY_QUOTED", "excerptId");
          throw error;
        });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "quotation.choose",
        recordType: "StoryQuotation",
        recordId: created.id,
        after: { storyId, excerptId, language, version: created.version },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, quotationId: created.id, version: created.version };
    }, TRANSACTION_OPTIONS),
  );
}

/** Saves the translation; the one who saves it is its translator, and must be a member here. */
export async function translateQuotation(input: {
  actorId: string;
  evaluationId: string;
  quotationId: string;
  expectedVersion: number;
  translation: string | null;
  translationLanguage: QuotationLanguage;
  ipAddress?: string | null;
}) {
  const { actorId, evaluationId, quotationId, expectedVersion } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await findStoredLocked(tx, evaluationId, quotationId);
      if (stored.version !== expectedVersion) throw new AppError("CONFLICT", "stale quotation version");
      const translation = input.translation?.trim() || null;
      if (translation && stored.language.toLowerCase().split("-")[0] === input.translationLanguage)
        throw refuse("SAME_LANGUAGE", "translationLanguage");
      if (translation) {
        const member = await tx.evaluationMember.findFirst({
          where: { evaluationId, userId: actorId },
          select: { userId: true },
        });
        if (!member) throw refuse("TRANSLATOR_NOT_MEMBER", "translation");
      }
      const version = expectedVersion + 1;
      const updated = await tx.storyQuotation.updateMany({
        where: { id: quotationId, evaluationId, version: expectedVersion },
        data: translation
          ? {
              translation,
              translationLanguage: input.translationLanguage,
              translatedById: actorId,
              translatedAt: new Date(),
              version,
            }
          : { translation: null, translationLanguage: null, translatedById: null, translatedAt: null, version },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "quotation version moved on");
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "quotation.translate",
        recordType: "StoryQuotation",
        recordId: quotationId,
        before: {
          translation: stored.translation,
          translationLanguage: stored.translationLanguage,
          version: expectedVersion,
        },
        after: { translation, translationLanguage: translation ? input.translationLanguage : null, version },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, quotationId, version };
    }, TRANSACTION_OPTIONS),
  );
}

export async function removeQuotation(input: {
  actorId: string;
  evaluationId: string;
  quotationId: string;
  expectedVersion: number;
  ipAddress?: string | null;
}) {
  const { actorId, evaluationId, quotationId, expectedVersion } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await findStoredLocked(tx, evaluationId, quotationId);
      const deleted = await tx.storyQuotation.deleteMany({
        where: { id: quotationId, evaluationId, version: expectedVersion },
      });
      if (deleted.count !== 1) throw new AppError("CONFLICT", "quotation version moved on");
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "quotation.remove",
        recordType: "StoryQuotation",
        recordId: quotationId,
        before: { storyId: stored.storyId, excerptId: stored.excerptId, version: expectedVersion },
        ipAddress: input.ipAddress,
      });
      return { ok: true as const, storyId: stored.storyId };
    }, TRANSACTION_OPTIONS),
  );
}
