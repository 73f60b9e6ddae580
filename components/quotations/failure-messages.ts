/**
 * How the quotation forms' failures read, under `quotations.errors`: one key for each reason the
 * quotation mutations export (a reason without a key fails typecheck).
 */
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type MessageKey,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import type { QuotationRefusal } from "@/lib/quotations/mutations";

const FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  required: "quotations.errors.required",
  tooLong: "quotations.errors.tooLong",
  invalid: "quotations.errors.invalid",
};

export const QUOTATION_REFUSAL_MESSAGES: RefusalMessages<QuotationRefusal> = {
  ...generalFailures("quotations.errors"),
  STAGE_LOCKED: "quotations.errors.STAGE_LOCKED",
  EXCERPT_NOT_A_SOURCE: "quotations.errors.EXCERPT_NOT_A_SOURCE",
  ALREADY_QUOTED: "quotations.errors.ALREADY_QUOTED",
  NO_QUOTATION_CONSENT: "quotations.errors.NO_QUOTATION_CONSENT",
  TRANSLATOR_NOT_MEMBER: "quotations.errors.TRANSLATOR_NOT_MEMBER",
  SAME_LANGUAGE: "quotations.errors.SAME_LANGUAGE",
};

export const quotationFailureMessages = refusalFailureMessages(
  QUOTATION_REFUSAL_MESSAGES,
  schemaCodes(FIELD_MESSAGES, "quotations.errors.invalid"),
);
