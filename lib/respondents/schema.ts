/**
 * What a respondent, their identity and their consent may look like, for the forms, the server
 * actions and the imports alike. Error messages are keys of the `respondents` message namespace
 * (e.g. "errors.required"); the form translates them. Unknown keys are stripped, so a payload
 * carrying `code`, `excludedAt` or `codeNumber` changes nothing.
 */
import { z } from "zod";
import { isCalendarDay, isoDay } from "@/lib/core/calendar-day";
import { optionalCountryCode } from "@/lib/places/schema";
import {
  CONSENT_METHODS,
  CONSENT_SCOPES,
  GENDERS,
  MEXICAN_STATES,
  RESPONDENT_TYPES,
  WITHDRAWAL_CHOICES,
} from "./constants";
import { idSchemaWith } from "@/lib/core/ids";
import { versionWith } from "@/lib/core/version";

/** More groups than any evaluation keeps: a longer list is a hostile payload, not a respondent. */
export const AT_RISK_GROUPS_MAX = 50;

export const E = {
  required: "errors.required",
  choose: "errors.choose",
  tooLong: "errors.tooLong",
  invalid: "errors.invalid",
  hiddenCharacters: "errors.hiddenCharacters",
  duplicate: "errors.duplicate",
  state: "errors.state",
  language: "errors.language",
  phone: "errors.phone",
  email: "errors.email",
  date: "errors.date",
  dateFuture: "errors.dateFuture",
  scope: "errors.scope",
  confirm: "errors.confirm",
} as const;

/**
 * Characters that are invisible or reorder text: C0/C1 controls, zero-width characters and the
 * bidirectional marks and overrides (U+202E can make "exe.txt" display as "txt.exe").
 */
const HIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const HIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

function text(max: number, options: { multiline?: boolean } = {}) {
  const hidden = options.multiline ? HIDDEN_MULTI_LINE : HIDDEN_SINGLE_LINE;
  return z
    .string({ error: E.required })
    .trim()
    .normalize("NFC")
    .min(1, E.required)
    .max(max, E.tooLong)
    .refine((value) => !hidden.test(value), E.hiddenCharacters);
}

/** "" and a missing value both mean "not given" (null). */
function blankToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable());
}

export const recordId = idSchemaWith(E.invalid);

/** A calendar date typed as YYYY-MM-DD that exists. */
export function isCalendarDate(value: string): boolean {
  return isCalendarDay(value) && value >= "1900-01-01";
}

/** Not after today anywhere on Earth (UTC+14), so a date typed in Mexico is never "in the future" by accident. */
export function isNotFuture(value: string, now: Date = new Date()): boolean {
  const latest = isoDay(new Date(now.getTime() + 14 * 60 * 60 * 1000));
  return value <= latest;
}

const pastDate = z
  .string({ error: E.required })
  .trim()
  .min(1, E.required)
  .refine(isCalendarDate, E.date)
  .refine((value) => isNotFuture(value), E.dateFuture);

/** ISO 639-1 or 639-3 code, e.g. "es", "nah". */
export const languageCode = z
  .string({ error: E.required })
  .trim()
  .toLowerCase()
  .min(1, E.required)
  .regex(/^[a-z]{2,3}$/, E.language);

export const respondentAttributesSchema = z.object({
  type: z.enum(RESPONDENT_TYPES, { error: E.choose }),
  gender: z.enum(GENDERS, { error: E.choose }),
  /** None: Mexico. Otherwise one of the evaluation's countries (the mutation checks it is its own). */
  countryCode: optionalCountryCode(E.state),
  /** In Mexico a catalogue state; elsewhere one of the evaluation's regions of that country (checked by the mutation). */
  state: z.string({ error: E.state }).trim().min(1, E.state).max(200, E.state),
  /** A place of the evaluation at state or municipality level, in the same state. */
  placeId: optional(recordId),
  sectorId: optional(recordId),
  language: languageCode,
  /** The evaluation's at-risk groups the respondent belongs to (the mutation checks they are its own). */
  atRiskGroupIds: z
    .array(recordId, { error: E.invalid })
    .max(AT_RISK_GROUPS_MAX, E.invalid)
    .refine((groups) => new Set(groups).size === groups.length, E.duplicate),
});

/** Digits with the usual separators, optionally an extension: "+52 (55) 1234-5678 ext. 12". */
const PHONE = /^\+?[0-9][0-9 ().-]{5,30}(?:\s*(?:ext\.?|x)\s*[0-9]{1,6})?$/i;

/** Every part is optional; an empty field clears it. */
export const identitySchema = z.object({
  name: optional(text(200)),
  phone: optional(text(40).regex(PHONE, E.phone)),
  email: optional(text(254).pipe(z.email({ error: E.email }))),
  community: optional(text(200)),
});

export type IdentityInput = z.infer<typeof identitySchema>;
export type RespondentAttributes = z.infer<typeof respondentAttributesSchema>;

const evaluationId = recordId;
const version = versionWith(E.invalid);

/**
 * With no country, the state must be one of Mexico's 32 (the form and the import say so at the
 * field). Checked even when other fields have errors, so every error of a form shows at once.
 */
const isMexicanStateOrAbroad = (value: { countryCode: string | null; state: string }) =>
  Boolean(value.countryCode) || (MEXICAN_STATES as readonly string[]).includes(value.state);
const stateCheck = () => ({
  path: ["state"],
  message: E.state,
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => issue.path?.[0] === "state" || issue.path?.[0] === "countryCode"),
});

export const createRespondentSchema = z
  .object({
    evaluationId,
    ...respondentAttributesSchema.shape,
    ...identitySchema.shape,
  })
  .refine(isMexicanStateOrAbroad, stateCheck());

export const updateRespondentSchema = z
  .object({
    evaluationId,
    respondentId: recordId,
    version,
    ...respondentAttributesSchema.shape,
  })
  .refine(isMexicanStateOrAbroad, stateCheck());

export const updateIdentitySchema = z.object({
  evaluationId,
  respondentId: recordId,
  version,
  ...identitySchema.shape,
});

export const respondentRefSchema = z.object({ evaluationId, respondentId: recordId });

/** A radio answer ("yes"/"no") or a boolean: each scope must be answered explicitly. */
const scopeAnswer = z.preprocess(
  (value) => (value === "yes" || value === "true" ? true : value === "no" || value === "false" ? false : value),
  z.boolean({ error: E.scope }),
);

export const consentSchema = z.object({
  evaluationId,
  respondentId: recordId,
  givenOn: pastDate,
  method: z.enum(CONSENT_METHODS, { error: E.choose }),
  formVersion: text(50),
  language: languageCode,
  scopes: z.object(
    Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, scopeAnswer])) as Record<
      (typeof CONSENT_SCOPES)[number],
      typeof scopeAnswer
    >,
    { error: E.scope },
  ),
});

export type ConsentInput = z.infer<typeof consentSchema>;

export const withdrawalSchema = z.object({
  evaluationId,
  respondentId: recordId,
  /** The consent the person saw on the page: a newer one makes the request stale. */
  consentId: recordId,
  withdrawnOn: pastDate,
  choice: z.enum(WITHDRAWAL_CHOICES, { error: E.choose }),
  note: optional(text(2000, { multiline: true })),
  confirmed: z.literal(true, { error: E.confirm }),
});

export type WithdrawalInput = z.infer<typeof withdrawalSchema>;
