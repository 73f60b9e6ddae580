/**
 * An approved outcome as the one sentence the brief, the funder's review page and the validation
 * sheets all print: what changed, where, in which sectors, when, and its magnitude figures with
 * their qualifiers. Pure, so every place that states an outcome states it the same way.
 *
 * A text missing in the chosen language becomes an "untranslated" part, never the other
 * language: a funder must not read Spanish presented as English, nor the reverse.
 */
import { utcMidnight } from "@/lib/core/calendar-day";
import { INTL_LOCALE } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en/brief.json";
import es from "@/lib/i18n/messages/es/brief.json";
import { PERIOD_DATE_FORMAT } from "@/lib/stories/period";

export type BriefLanguage = "es" | "en";

/** The fields of a story (or of its revision snapshot) a sentence is built from. */
export type OutcomeRecord = {
  changeType: "POSITIVE" | "NEGATIVE" | "NO_CHANGE";
  originalLanguage: string;
  translationLanguage: string | null;
  title: string;
  titleTranslation: string | null;
  places: ReadonlyArray<{ state: string; municipality: string | null; community: string | null }>;
  sectors: ReadonlyArray<{ nameEn: string; nameEs: string }>;
  figures: ReadonlyArray<{
    label: string;
    labelTranslation: string | null;
    qualifier: "EXACT" | "APPROXIMATELY" | "MORE_THAN" | "LESS_THAN" | "AT_LEAST" | "UP_TO" | "RANGE";
    value: string;
    valueMax: string | null;
    unit: string | null;
    /** The unit in the translation language, when it is words; a unit without one is shown as typed. */
    unitTranslation?: string | null;
  }>;
  periodPrecision: "YEAR" | "MONTH" | "DAY";
  /** ISO days ("2022-01-01"); an open end leaves periodTo null. */
  periodFrom: string | null;
  periodTo: string | null;
};

export type SentencePart = { text: string; untranslated?: true };
export type OutcomeSentence = { text: string; parts: SentencePart[]; untranslated: boolean };

const WORDS = { en: en.brief.sentence, es: es.brief.sentence } as const;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
}

/** The text in the chosen language, or null when it has none there. */
export function textIn(
  lang: BriefLanguage,
  record: Pick<OutcomeRecord, "originalLanguage" | "translationLanguage">,
  original: string,
  translation: string | null,
): string | null {
  if (record.originalLanguage.toLowerCase() === lang) return original;
  if (record.translationLanguage?.toLowerCase() === lang && translation && translation.trim()) return translation;
  return null;
}

/** "A", "A and B", "A, B and C"; Spanish "y" becomes "e" before an /i/ sound ("Veracruz e Hidalgo"). */
export function joinList(items: readonly string[], lang: BriefLanguage): string {
  if (items.length <= 1) return items[0] ?? "";
  const last = items[items.length - 1]!;
  const conjunction = lang === "es" && /^h?i(?![aeiouáéó])/i.test(last) ? "e" : WORDS[lang].and;
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${last}`;
}

/** States in order, each with the municipalities or communities named under it. */
function placesText(places: OutcomeRecord["places"], lang: BriefLanguage): string {
  const byState = new Map<string, string[]>();
  for (const place of places) {
    const within = byState.get(place.state) ?? [];
    const local = place.community ?? place.municipality;
    if (local && !within.includes(local)) within.push(local);
    byState.set(place.state, within);
  }
  return joinList(
    [...byState].map(([state, within]) => (within.length ? `${state} (${within.join(", ")})` : state)),
    lang,
  );
}

const CURRENCY = /^(USD|MXN|EUR|CAD|\$)/i;

/** A stored decimal ("600000", "1.5") written for readers: "600,000", "1.50" for money. */
export function figureNumber(value: string, lang: BriefLanguage, unit: string | null): string {
  if (!/^-?\d+(\.\d+)?$/.test(value.trim())) return value;
  const given = value.split(".")[1]?.length ?? 0;
  const digits = unit && CURRENCY.test(unit.trim()) ? Math.max(2, given) : given;
  const format = new Intl.NumberFormat(INTL_LOCALE[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 4),
  });
  // A string keeps every digit of a Decimal(20,4), which a JavaScript number would round.
  return format.format(value.trim() as unknown as number);
}

/**
 * Symbols and codes read the same in both languages ("%", "USD", "km", "m²"), so they need no
 * translation; a unit with words in it ("communities", "USD per pound") does. The list names the
 * abbreviations an evaluation's figures use, so "km" is not taken for a word.
 */
const UNIT_SYMBOLS = new Set([
  "km",
  "m",
  "cm",
  "mm",
  "kg",
  "g",
  "mg",
  "t",
  "ha",
  "l",
  "ml",
  "km2",
  "m2",
  "km²",
  "m²",
  "h",
  "min",
  "s",
  "kwh",
  "mw",
  "pp",
]);

export function unitNeedsTranslation(unit: string): boolean {
  const trimmed = unit.trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  if (/^[A-Z]{3}$/.test(trimmed)) return false;
  return !UNIT_SYMBOLS.has(trimmed.toLowerCase());
}

/**
 * A figure's unit in the chosen language: the unit itself when it is a symbol or a code, its
 * translation when it is words, and otherwise the unit as typed flagged untranslated, so the
 * reader sees the marker as for any other text.
 */
export function figureUnitIn(
  lang: BriefLanguage,
  record: Pick<OutcomeRecord, "originalLanguage" | "translationLanguage">,
  figure: Pick<OutcomeRecord["figures"][number], "unit" | "unitTranslation">,
): { unit: string | null; untranslated: boolean } {
  const unit = figure.unit?.trim();
  if (!unit) return { unit: null, untranslated: false };
  if (!unitNeedsTranslation(unit)) return { unit, untranslated: false };
  const shown = textIn(lang, record, unit, figure.unitTranslation ?? null);
  return shown === null ? { unit, untranslated: true } : { unit: shown.trim(), untranslated: false };
}

/**
 * A figure's value with its qualifier and unit: "over 600,000", "81 percent", "from 1.50 to 2.50 USD per pound".
 * `shownUnit` is the unit as printed (translated, or left out for a marker); money decimals follow the stored unit.
 */
export function figureValue(
  figure: OutcomeRecord["figures"][number],
  lang: BriefLanguage,
  shownUnit: string | null = figure.unit,
): string {
  const words = WORDS[lang];
  const value = figureNumber(figure.value, lang, figure.unit);
  const shown =
    figure.qualifier === "EXACT"
      ? value
      : fill(words.figureValue[figure.qualifier], {
          value,
          max: figure.valueMax ? figureNumber(figure.valueMax, lang, figure.unit) : "",
        });
  const unit = shownUnit?.trim();
  if (!unit) return shown;
  return unit === "%" ? `${shown} ${words.percent}` : `${shown} ${unit}`;
}

/** "2022-2024", "2023", "since 2022", "March 2023 - May 2024"; null when the story gives no period. */
export function periodText(
  record: Pick<OutcomeRecord, "periodPrecision" | "periodFrom" | "periodTo">,
  lang: BriefLanguage,
): string | null {
  if (!record.periodFrom) return null;
  const format = new Intl.DateTimeFormat(INTL_LOCALE[lang], PERIOD_DATE_FORMAT[record.periodPrecision]);
  const show = (iso: string) => format.format(utcMidnight(iso));
  const from = show(record.periodFrom);
  if (!record.periodTo) return fill(WORDS[lang].periodOpen, { from });
  const to = show(record.periodTo);
  if (from === to) return from;
  return record.periodPrecision === "YEAR" ? `${from}-${to}` : `${from} - ${to}`;
}

function trimEnd(text: string): string {
  return text.trim().replace(/[.;:,\s]+$/, "");
}

/** The outcome in one sentence, with any untranslated piece marked as such. */
export function outcomeSentence(record: OutcomeRecord, lang: BriefLanguage): OutcomeSentence {
  const words = WORDS[lang];
  const parts: SentencePart[] = [];
  const push = (text: string) => {
    const last = parts[parts.length - 1];
    if (last && !last.untranslated) last.text += text;
    else parts.push({ text });
  };
  const pushTranslated = (text: string | null) =>
    text === null ? parts.push({ text: words.untranslated, untranslated: true }) : push(text);

  const title = textIn(lang, record, record.title, record.titleTranslation);
  const [before, after] =
    record.changeType === "POSITIVE"
      ? ["", ""]
      : fill(record.changeType === "NO_CHANGE" ? words.noChange : words.negative, { text: "\u0000" }).split("\u0000");
  push(before ?? "");
  pushTranslated(title === null ? null : trimEnd(title));
  push(after ?? "");

  if (record.places.length) push(`, ${fill(words.in, { places: placesText(record.places, lang) })}`);
  if (record.sectors.length) {
    const names = record.sectors.map((sector) => (lang === "es" ? sector.nameEs : sector.nameEn));
    push(`, ${fill(names.length === 1 ? words.sectorOne : words.sectorMany, { sectors: joinList(names, lang) })}`);
  }
  const period = periodText(record, lang);
  if (period) push(`, ${period}`);

  record.figures.forEach((figure, index) => {
    push(index === 0 ? " (" : "; ");
    const label = textIn(lang, record, figure.label, figure.labelTranslation);
    pushTranslated(label === null ? null : label.trim());
    const unit = figureUnitIn(lang, record, figure);
    push(`: ${figureValue(figure, lang, unit.untranslated ? null : unit.unit)}`);
    if (unit.untranslated) {
      push(" ");
      pushTranslated(null);
    }
  });
  push(record.figures.length ? ")." : ".");

  const kept = parts.filter((part) => part.text !== "");
  return {
    text: kept.map((part) => part.text).join(""),
    parts: kept,
    untranslated: kept.some((part) => part.untranslated),
  };
}
