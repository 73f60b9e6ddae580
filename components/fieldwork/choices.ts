/** Turning form options into labelled choices, shared by the interview and focus-group forms. */
import type { FieldworkFormOptions } from "@/lib/fieldwork/data";
import type { HearingEligibility } from "@/lib/fieldwork/policy";
import { FIELDWORK_LANGUAGES } from "@/lib/fieldwork/types";
import type { Choice } from "@/components/ui/choice-fields";

type T = (key: string, values?: Record<string, string | number>) => string;

export type FormOptions = Omit<FieldworkFormOptions, "evaluationName">;

export function languageLabel(t: T, code: string): string {
  return (FIELDWORK_LANGUAGES as readonly string[]).includes(code) ? t(`languages.${code}`) : code;
}

/** The offered languages, plus any other code the record already has. */
export function languageOptions(t: T, ...current: Array<string | null | undefined>) {
  const codes = [
    ...FIELDWORK_LANGUAGES,
    ...current.filter((code): code is string => !!code && !(FIELDWORK_LANGUAGES as readonly string[]).includes(code)),
  ];
  return codes.map((code) => ({ value: code, label: languageLabel(t, code) }));
}

export function teamChoices(options: FormOptions): Choice[] {
  return options.team.map((member) => ({ value: member.userId, label: member.name }));
}

export function teamOptions(options: FormOptions) {
  return options.team.map((member) => ({ value: member.userId, label: member.name }));
}

/** Respondents by code and state; those who may not be heard say why. */
export function respondentChoices(t: T, options: FormOptions): Choice[] {
  return options.respondents.map((respondent) => ({
    value: respondent.id,
    label: `${respondent.code} · ${respondent.state}`,
    note: respondent.eligibility === "ELIGIBLE" ? null : t(`eligibility.${respondent.eligibility}`),
    searchText: `${respondent.code} ${respondent.state}`,
  }));
}

/** The evaluation's current projects, and retired ones only where the record already names them. */
export function projectChoices(options: FormOptions, linked: readonly string[] = []): Choice[] {
  return options.projects
    .filter((project) => !project.retired || linked.includes(project.id))
    .map((project) => ({ value: project.id, label: `${project.acronym} — ${project.name}` }));
}

export function placeOptions(options: FormOptions) {
  return options.places.map((place) => ({ value: place.id, label: place.label }));
}

/** The codes of chosen respondents who may not be heard (excluding those already on the record). */
export function ineligibleCodes(options: FormOptions, chosen: readonly string[], already: readonly string[]): string[] {
  const before = new Set(already);
  const eligibility = new Map<string, { code: string; eligibility: HearingEligibility }>(
    options.respondents.map((r) => [r.id, r]),
  );
  return chosen
    .filter((id) => !before.has(id))
    .map((id) => eligibility.get(id))
    .filter((respondent) => respondent && respondent.eligibility !== "ELIGIBLE")
    .map((respondent) => respondent!.code);
}
