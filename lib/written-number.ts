/**
 * A number as a person writes it, read in their language's convention (docs/decisions/0028 and
 * its amendment): Spanish as Mexico writes it and the app shows it (es-MX: `600,000` and `1.5`),
 * English the same way; spaces (also non-breaking and thin ones) group thousands in both. The
 * story form, its server action (through the story schema) and the imports all read figures here,
 * so the three cannot disagree. Pure; runs in the browser too.
 *
 * Nothing is guessed and nothing is truncated: an entry the other convention (decimal comma,
 * `1.234,5`) would read as a different number is refused as ambiguous, one written in the other
 * convention is refused with the way to write it here, and one with more digits than the column
 * keeps is refused.
 */

export const NUMBER_LOCALES = ["es", "en"] as const;
export type NumberLocale = (typeof NUMBER_LOCALES)[number];
/**
 * "stored" is the plain form the database and the tests hand back: digits, an optional point and
 * decimals, no grouping ("600000", "-1.5"). Values that were never typed by a person use it.
 */
export type NumberReader = NumberLocale | "stored";

/** story_figure.value is DECIMAL(20,4): 16 digits before the point and 4 after. */
export const MAX_INTEGER_DIGITS = 16;
export const MAX_FRACTION_DIGITS = 4;
const MAX_LENGTH = 64;

export type NumberProblem =
  | "numberRequired"
  | "numberInvalid"
  | "numberAmbiguous"
  | "numberOtherConvention"
  | "numberTooLarge"
  | "numberTooPrecise";

export type NumberReading =
  | { ok: true; value: string; percent: boolean }
  /** `asRead` and `other` are plain values ("1.5", "1500"): how this convention and the other one read the text. */
  | { ok: false; problem: NumberProblem; asRead?: string; other?: string };

/** The two ways of writing numbers people bring: a decimal point (Mexico, English) or a decimal comma (Spain). */
const SEPARATORS = { point: { decimal: ".", group: "," }, comma: { decimal: ",", group: "." } } as const;
type Convention = keyof typeof SEPARATORS;
/**
 * Each language's convention. Both are the decimal point: the evaluations are in Mexico, where
 * INEGI writes "126,014,024" and "2.5" and the app displays es-MX. Messages and examples still
 * differ by language, and a later per-evaluation convention (Spain's comma) plugs in here.
 */
const CONVENTION: Record<NumberLocale, Convention> = { es: "point", en: "point" };
const OTHER: Record<Convention, Convention> = { point: "comma", comma: "point" };
/** Space, no-break space, narrow no-break space (French and Intl output), thin space. */
const SPACES = /[ \u00A0\u202F\u2009]/;

type Digits = { integer: string; fraction: string };

/** The digits the text holds in one convention, or null when it is not written that way. */
function digitsIn(body: string, convention: Convention): Digits | null {
  const { decimal, group } = SEPARATORS[convention];
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [integerPart = "", fraction = ""] = parts;
  if (parts.length === 2 && !/^\d+$/.test(fraction)) return null;
  if (integerPart === "") return parts.length === 2 ? { integer: "0", fraction } : null;
  if (/^\d+$/.test(integerPart)) return { integer: integerPart, fraction };
  // Grouped: 1-3 digits, then groups of exactly three, all with the same separator.
  const separator = integerPart.replace(/\d/g, "")[0]!;
  if (separator !== group && !SPACES.test(separator)) return null;
  const groups = integerPart.split(separator);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return { integer: groups.join(""), fraction };
}

function plain(negative: boolean, digits: Digits): string {
  const integer = digits.integer.replace(/^0+(?=\d)/, "");
  const fraction = digits.fraction.replace(/0+$/, "");
  const unsigned = fraction ? `${integer}.${fraction}` : integer;
  return negative && /[1-9]/.test(unsigned) ? `-${unsigned}` : unsigned;
}

/**
 * The one rule of ambiguity: the convention's decimal separator, alone, after 1-3 digits (not a
 * lone 0) and followed by exactly three digits. The other convention reads the same text as
 * thousands ("1.500": 1.5 with a decimal point, 1500 with a decimal comma), and figures seldom
 * have exactly three decimals, so asking costs little and guessing could divide a figure by a thousand.
 */
function isAmbiguous(body: string, convention: Convention): boolean {
  const { decimal } = SEPARATORS[convention];
  return new RegExp(`^[1-9]\\d{0,2}\\${decimal}\\d{3}$`).test(body);
}

function checkedSize(negative: boolean, digits: Digits): NumberReading {
  const value = plain(negative, digits);
  const [integer = "", fraction = ""] = value.replace("-", "").split(".");
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, problem: "numberTooLarge" };
  if (fraction.length > MAX_FRACTION_DIGITS) return { ok: false, problem: "numberTooPrecise" };
  return { ok: true, value, percent: false };
}

/** Reads what a person typed (or a cell holds) in `reader`'s convention. */
export function readWrittenNumber(text: string, reader: NumberReader): NumberReading {
  let body = String(text ?? "").trim();
  if (body === "") return { ok: false, problem: "numberRequired" };
  if (body.length > MAX_LENGTH) return { ok: false, problem: "numberInvalid" };
  let percent = false;
  const withoutPercent = body.replace(/^%\s*|\s*%$/, "");
  if (withoutPercent !== body) {
    percent = true;
    body = withoutPercent;
  }
  const sign = /^([+\-\u2212])\s?/.exec(body);
  const negative = sign !== null && sign[1] !== "+";
  if (sign) body = body.slice(sign[0].length);
  if (!/^[\d.,\u0020\u00A0\u202F\u2009]+$/.test(body) || !/\d/.test(body))
    return { ok: false, problem: "numberInvalid" };

  if (reader === "stored") {
    if (!/^\d+(\.\d+)?$/.test(body)) return { ok: false, problem: "numberInvalid" };
    const [integer = "", fraction = ""] = body.split(".");
    const reading = checkedSize(negative, { integer, fraction });
    return reading.ok ? { ...reading, percent } : reading;
  }

  const convention = CONVENTION[reader];
  const other = OTHER[convention];
  const here = digitsIn(body, convention);
  if (here) {
    if (isAmbiguous(body, convention)) {
      const there = digitsIn(body, other);
      return {
        ok: false,
        problem: "numberAmbiguous",
        asRead: plain(negative, here),
        other: there ? plain(negative, there) : undefined,
      };
    }
    const reading = checkedSize(negative, here);
    return reading.ok ? { ...reading, percent } : reading;
  }
  const there = digitsIn(body, other);
  if (there) return { ok: false, problem: "numberOtherConvention", other: plain(negative, there) };
  return { ok: false, problem: "numberInvalid" };
}

/**
 * A plain value ("600000", "-1.5") as a person would type it back in `locale`: no grouping (so it
 * can never be ambiguous) and the convention's decimal separator ("-1.5" in Spanish as in English).
 */
export function writtenNumber(value: string, locale: NumberReader): string {
  if (locale === "stored" || !/^-?\d+(\.\d+)?$/.test(value)) return value;
  const convention = CONVENTION[locale];
  const written = value.replace(".", SEPARATORS[convention].decimal);
  // "12.345" would be refused as ambiguous; a fourth decimal says it is 12.345 and nothing else.
  return isAmbiguous(written.replace("-", ""), convention) ? `${written}0` : written;
}

/** A plain value with its thousands grouped the convention's way ("600,000" in Spanish), for reading only. */
export function groupedNumber(value: string, locale: NumberLocale): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const { decimal, group } = SEPARATORS[CONVENTION[locale]];
  const integer = match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${match[1]}${integer}${match[3] ? decimal + match[3] : ""}`;
}

/**
 * The values a refusal message shows, worked out again from the text (the server sends only the
 * message key): `asRead` is how this convention reads it, `other` the other reading, and each
 * `…Written` is how to type that value here without any doubt.
 */
export function numberProblemValues(text: string, locale: NumberLocale): Record<string, string> {
  const reading = readWrittenNumber(text, locale);
  const values: Record<string, string> = {
    text: String(text ?? "").trim(),
    maxInteger: String(MAX_INTEGER_DIGITS),
    maxFraction: String(MAX_FRACTION_DIGITS),
  };
  if (reading.ok) return values;
  if (reading.asRead !== undefined) values.asRead = writtenNumber(reading.asRead, locale);
  if (reading.other !== undefined) {
    values.other = writtenNumber(reading.other, locale);
    values.otherGrouped = groupedNumber(reading.other, locale);
  }
  return values;
}
