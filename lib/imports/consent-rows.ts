/**
 * The consent a respondent row carries, when the form recorded it in the same submission: turned
 * into what the consent form sends and validated with the consent form's own schema. A row with no
 * consent cell filled has no consent (the respondent is imported without one, as typed respondents
 * are); a row with some filled must carry a whole consent. Pure.
 */
import type { z } from "zod";
import { CONSENT_SCOPES } from "@/lib/respondents/constants";
import { consentSchema } from "@/lib/respondents/schema";
import { choiceValue, dayValue } from "./vocabulary";

/** The consent form's schema without the ids: the respondent is created in the same commit. */
export const importedConsentSchema = consentSchema.omit({ evaluationId: true, respondentId: true });
export type ImportedConsent = z.output<typeof importedConsentSchema>;

/** Schema field → the import field (and so the column) it is read from. */
export const CONSENT_IMPORT_FIELDS = {
  givenOn: "consentGivenOn",
  method: "consentMethod",
  formVersion: "consentFormVersion",
  language: "consentLanguage",
  scopes: "consentScopes",
} as const satisfies Record<keyof ImportedConsent, string>;

const TEXT_FIELDS = ["consentGivenOn", "consentMethod", "consentFormVersion", "consentLanguage"] as const;

export type ConsentReading =
  | { present: false }
  | { present: true; consent: ImportedConsent | null; issues: z.core.$ZodIssue[]; unknownScopes: string[] };

/**
 * `text` and `lists` are the row's cells by import field. Scopes come as the granted ones (a
 * select-multiple): a scope the row does not name was not granted, as on the consent form's "no".
 */
export function readConsent(text: Record<string, string>, lists: Record<string, string[]>): ConsentReading {
  const words = lists.consentScopes ?? [];
  if (words.length === 0 && TEXT_FIELDS.every((field) => !(text[field] ?? "").trim())) return { present: false };

  const granted = new Set<string>();
  const unknownScopes: string[] = [];
  for (const word of words) {
    const scope = choiceValue("consentScopes", word);
    if ((CONSENT_SCOPES as readonly string[]).includes(scope)) granted.add(scope);
    else unknownScopes.push(word);
  }
  const outcome = importedConsentSchema.safeParse({
    givenOn: dayValue(text.consentGivenOn ?? ""),
    method: choiceValue("consentMethod", text.consentMethod ?? ""),
    formVersion: text.consentFormVersion ?? "",
    language: choiceValue("language", text.consentLanguage ?? ""),
    scopes: Object.fromEntries(CONSENT_SCOPES.map((scope) => [scope, granted.has(scope)])),
  });
  // Issues name the import field, so the error lands on the consent's column, not the respondent's
  // own column of the same name ("language"); one per field (an empty language is "required", not
  // also "not a language").
  const issues: z.core.$ZodIssue[] = [];
  for (const issue of outcome.success ? [] : outcome.error.issues) {
    const field = CONSENT_IMPORT_FIELDS[issue.path[0] as keyof ImportedConsent] ?? "consentScopes";
    if (!issues.some((earlier) => earlier.path[0] === field))
      issues.push({ ...issue, path: [field, ...issue.path.slice(1)] });
  }
  return {
    present: true,
    consent: outcome.success && unknownScopes.length === 0 ? outcome.data : null,
    issues,
    unknownScopes,
  };
}
