/**
 * The one way a form turns a failed action into messages in the user's language. Each form
 * declares, for the reasons its mutations export (`ROUND_REFUSALS`, `CAST_REFUSALS`...), the
 * message key that explains each one: a `Record` over the mutation's own union, so a new reason
 * without a message fails typecheck, and a key that does not exist does too. Details (the story
 * that blocked a step) come as fields of the failure, never inside the reason.
 * tests/unit/refusal-messages.test.ts checks every key in Spanish and English.
 */
import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";
import type { FailureCode } from "@/lib/errors";
import type { ActionFailure, FailureMessages } from "./use-action-form";

/** A full message key ("selection.errors.WRONG_STATUS"), checked against the English messages. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** What any action may answer besides its own refusals: bad input and the few failure codes. */
export const GENERAL_FAILURES = [
  "INVALID",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "UNEXPECTED",
] as const satisfies ReadonlyArray<FailureCode | "INVALID">;
export type GeneralFailure = (typeof GENERAL_FAILURES)[number];

/** How one form's refusals read: a key for each reason `R` and for every general failure. */
export type RefusalMessages<R extends string> = Readonly<Record<R | GeneralFailure, MessageKey>>;

/**
 * The general failures under one namespace ("selection.errors" → "selection.errors.CONFLICT"...);
 * a namespace missing one of them fails typecheck.
 */
export function generalFailures<N extends string>(
  namespace: N,
  ..._check: `${N}.${GeneralFailure}` extends MessageKey ? [] : [missing: never]
) {
  // `_check` proved every `${namespace}.${code}` is a message key.
  return Object.fromEntries(GENERAL_FAILURES.map((code) => [code, `${namespace}.${code}`])) as unknown as Record<
    GeneralFailure,
    MessageKey
  >;
}

/** The message key for a failure: its reason's, or the unexpected one for a reason the form does not list. */
export function refusalMessageKey<R extends string>(messages: RefusalMessages<R>, failure: ActionFailure): MessageKey {
  const code = failure.error === "REJECTED" ? failure.reason : failure.error;
  return Object.hasOwn(messages, code) ? messages[code as R] : messages.UNEXPECTED;
}

/**
 * A `fieldKey` for the schema's field-error codes that have a message of the same name under
 * `namespace` ("tooLong" → "reviews.errors.tooLong"; a code without its key fails typecheck). A
 * code not listed (zod's own, or one added to the schema before its message) reads as `otherwise`.
 */
export function schemaCodes<N extends string, C extends string>(
  namespace: N,
  codes: readonly C[],
  otherwise: MessageKey,
  ..._check: `${N}.${C}` extends MessageKey ? [] : [missing: never]
) {
  const known = new Set<string>(codes);
  // `_check` proved every `${namespace}.${code}` is a message key.
  return (code: string): MessageKey => (known.has(code) ? (`${namespace}.${code}` as MessageKey) : otherwise);
}

/**
 * A form's `failureMessages`: the refusal on top (and under its field when it names one), field
 * errors as `fieldKey` maps the schema's codes. `fieldOf` names the control a path's error shows
 * under ("project.acronym" → "acronym", "atRiskGroupIds.1" → "atRiskGroupIds"); when several
 * paths fall to one control, the first one's errors show.
 */
export function refusalFailureMessages<R extends string>(
  messages: RefusalMessages<R>,
  fieldKey: (code: string) => string = (code) => code,
  fieldOf: (path: string) => string = (path) => path,
) {
  return (failure: ActionFailure): FailureMessages => {
    const form = refusalMessageKey(messages, failure);
    if (failure.error === "INVALID") {
      const fields: Record<string, string[]> = {};
      for (const [path, codes] of Object.entries(failure.fieldErrors)) fields[fieldOf(path)] ??= codes.map(fieldKey);
      return { fields, form };
    }
    if (failure.error === "REJECTED" && failure.field) return { fields: { [fieldOf(failure.field)]: [form] }, form };
    return { fields: {}, form };
  };
}
