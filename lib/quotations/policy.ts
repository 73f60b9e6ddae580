/**
 * When a story may be quoted and when a quotation may be printed. Pure.
 *
 * A quotation is printed only while every person behind it — the story's storytellers and the
 * known respondents of the interview or focus group it comes from — holds a current, unwithdrawn
 * consent that grants anonymous quotation. One person withdrawing takes it out of every brief
 * made afterwards; nobody's name is ever printed with it.
 */
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { consentStanding, type ConsentWithScopes } from "@/lib/respondents/policy";
import { SELECTED_ONWARD_STAGES } from "@/lib/stories/types";

/** Selected onwards: the outcomes a brief may hold (a returned or not-selected story is in none). */
export const QUOTABLE_STAGES = SELECTED_ONWARD_STAGES.filter((stage) => stage !== "RETURNED");

export function isQuotableStage(stage: StoryStage): boolean {
  return (QUOTABLE_STAGES as readonly StoryStage[]).includes(stage);
}

export type QuotationSpeaker = { excludedAt: Date | null; consents: readonly ConsentWithScopes[] };

/** Every speaker consents to anonymous quotation now; a passage nobody is known to have said is never quoted. */
export function quotationConsented(speakers: readonly QuotationSpeaker[]): boolean {
  return (
    speakers.length > 0 && speakers.every((speaker) => consentStanding(speaker, "ANONYMOUS_QUOTATION") === "ALLOWED")
  );
}

/**
 * The quotation in the reader's language: the words as said when the transcript is in that
 * language, the translation when there is one into it, otherwise null (the brief prints its
 * "untranslated" marker, never the other language).
 */
export function quotationIn(
  lang: "es" | "en",
  quotation: { text: string; language: string; translation: string | null; translationLanguage: string | null },
): string | null {
  if (quotation.language.toLowerCase().split("-")[0] === lang) return quotation.text.trim();
  const translation = quotation.translation?.trim();
  return translation && quotation.translationLanguage === lang ? translation : null;
}
