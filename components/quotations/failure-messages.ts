/**
 * How the quotation forms' failures read, under `quotations.errors`: one key for each reason the
 * quotation mutations export (a reason without a key fails typecheck).
 */
import {
  generalFailures,
  refusalFailureMessages,
  schemaCodes,
  type RefusalMessages,
} from "@/components/ui/refusal-messages";
import type { QuotationRefusal } from "@/lib/quotations/mutations";

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
  schemaCodes("quotations.errors", ["required", "tooLong", "invalid"], "quotations.errors.invalid"),
);
