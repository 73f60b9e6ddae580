/**
 * Turning a cell into the value a form would send: a Kobo choice name ("union_member"), our enum
 * ("UNION_MEMBER") or its label in either language ("Mujer", "Woman") all become the enum value.
 * (At-risk groups are each evaluation's own list: lib/imports/references.ts matches them.)
 * A value that matches nothing is passed on unchanged, so the form's zod schema refuses it with
 * the form's own message. Pure.
 */
import enFieldwork from "@/lib/i18n/messages/en/fieldwork.json";
import enRespondents from "@/lib/i18n/messages/en/respondents.json";
import enStories from "@/lib/i18n/messages/en/stories.json";
import esFieldwork from "@/lib/i18n/messages/es/fieldwork.json";
import esRespondents from "@/lib/i18n/messages/es/respondents.json";
import esStories from "@/lib/i18n/messages/es/stories.json";
import { findState } from "@/lib/places/catalogue";
import { normalizeName } from "./mapping";

type Labels = Record<string, string>;

function lookup(...labelSets: Labels[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const labels of labelSets) {
    for (const [value, label] of Object.entries(labels)) {
      map.set(normalizeName(value), value);
      if (!label.includes("{")) map.set(normalizeName(label), value);
    }
  }
  return map;
}

const en = { r: enRespondents.respondents, f: enFieldwork.fieldwork, s: enStories.stories };
const es = { r: esRespondents.respondents, f: esFieldwork.fieldwork, s: esStories.stories };

export const VOCABULARY = {
  type: lookup(en.r.types, es.r.types),
  gender: lookup(
    en.r.genders,
    es.r.genders,
    { WOMAN: "female", MAN: "male", NON_BINARY: "nonbinary" },
    { WOMAN: "f", MAN: "m" },
    { WOMAN: "femenino", MAN: "masculino" },
  ),
  language: lookup(en.r.languages, es.r.languages),
  mode: lookup(
    en.f.modes,
    es.f.modes,
    { IN_PERSON: "face_to_face", PHONE: "telephone", VIDEO: "video" },
    { IN_PERSON: "cara_a_cara", PHONE: "telefono", VIDEO: "virtual" },
  ),
  // A documented lack of change is written many ways; each is *no change*.
  changeType: lookup(
    en.s.changeTypes,
    es.s.changeTypes,
    { POSITIVE: "positivo", NEGATIVE: "negativo", NO_CHANGE: "sin_cambios" },
    { POSITIVE: "positive", NEGATIVE: "negative", NO_CHANGE: "lack_of_change" },
    { NO_CHANGE: "no_change" },
    { NO_CHANGE: "sin_cambio" },
    { NO_CHANGE: "falta_de_cambio" },
    { NO_CHANGE: "ningun_cambio" },
    { NO_CHANGE: "no_hubo_cambio" },
    { NO_CHANGE: "none" },
    { NO_CHANGE: "ninguno" },
  ),
  periodPrecision: lookup(
    { YEAR: "year", MONTH: "month", DAY: "day" },
    { YEAR: "ano", MONTH: "mes", DAY: "dia" },
    en.s.precisions,
    es.s.precisions,
  ),
  // "Oral" alone is the oral method the consent form knows (recorded without a name).
  consentMethod: lookup(
    en.r.methods,
    es.r.methods,
    { WRITTEN: "signed", ORAL_RECORDED_WITHOUT_NAME: "oral" },
    { WRITTEN: "escrito", ORAL_RECORDED_WITHOUT_NAME: "verbal" },
    { WRITTEN: "firmado", ORAL_RECORDED_WITHOUT_NAME: "oral_grabado" },
  ),
  consentScopes: lookup(
    en.r.scopes,
    es.r.scopes,
    {
      AUDIO_RECORDING: "audio",
      ANONYMOUS_QUOTATION: "quotation",
      SHARE_WITH_FUNDER: "funder",
      CONTACT_FOR_VALIDATION: "validation",
    },
    {
      AUDIO_RECORDING: "recording",
      ANONYMOUS_QUOTATION: "quote",
      SHARE_WITH_FUNDER: "share_funder",
      CONTACT_FOR_VALIDATION: "validation_contact",
    },
    {
      AUDIO_RECORDING: "grabacion",
      ANONYMOUS_QUOTATION: "cita",
      SHARE_WITH_FUNDER: "financiador",
      CONTACT_FOR_VALIDATION: "validacion",
    },
    {
      AUDIO_RECORDING: "grabacion_audio",
      SHARE_WITH_FUNDER: "compartir_financiador",
      CONTACT_FOR_VALIDATION: "contacto_validacion",
    },
  ),
} as const;

export type VocabularyName = keyof typeof VOCABULARY;

/** The enum value a cell names, or the cell unchanged. */
export function choiceValue(name: VocabularyName, cell: string): string {
  const trimmed = cell.trim();
  return VOCABULARY[name].get(normalizeName(trimmed)) ?? trimmed;
}

/** "nuevo_leon", "NUEVO LEÓN" and "Nuevo León" are the same state; anything else is left for the schema to refuse. */
export function stateValue(cell: string): string {
  const trimmed = cell.trim();
  return findState(trimmed)?.name ?? trimmed;
}

/**
 * A day as YYYY-MM-DD from what collection tools write: ISO dates, ISO date-times (Kobo's
 * `_submission_time`, `start`, `end`: the day as written, without moving it across time zones)
 * and day-first dates as Mexican spreadsheets show them (15/06/2024).
 */
export function dayValue(cell: string): string {
  const trimmed = cell.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso) return iso[1]!;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}`;
  return trimmed;
}

/** The precision a period's written value implies: "2023" a year, "2023-03" a month, a day otherwise. */
export function impliedPrecision(from: string): "YEAR" | "MONTH" | "DAY" {
  if (/^\d{4}$/.test(from.trim())) return "YEAR";
  if (/^\d{4}-\d{2}$/.test(from.trim())) return "MONTH";
  return "DAY";
}
