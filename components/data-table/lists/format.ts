/**
 * Shared formatting for the table presenters (server side): the `tables` messages, dates in UTC
 * (calendar dates are stored at UTC midnight), language names, and the status line.
 */
import type { getFormatter, getTranslations } from "next-intl/server";
import { isoDay } from "@/lib/core/calendar-day";
import type { DatePrecision } from "@/lib/generated/prisma/enums";
import type { ListPage } from "@/lib/tables/paging";
import type { CellValue, DataTableSort } from "../types";

export type TablesT = Awaited<ReturnType<typeof getTranslations<"tables">>>;
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export type PresentContext = { t: TablesT; format: Formatter; locale: string; evaluationId: string };

export function day(date: Date, format: Formatter): CellValue {
  return {
    kind: "time",
    dateTime: isoDay(date),
    text: format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" }),
  };
}

export function text(value: string | null | undefined, lang?: string): CellValue {
  return value ? { kind: "text", text: value, lang } : null;
}

/** "Oaxaca" or "Juchitán, Oaxaca". */
export function place(state: string | null, municipality: string | null): CellValue {
  return text([municipality, state].filter(Boolean).join(", "));
}

/**
 * Language names by locale and code, kept for the process: a list asked ICU for a new
 * `Intl.DisplayNames` in every language cell (up to three a row). Codes come from the records, so
 * the cache stops growing at a size no real set of languages reaches.
 */
const languageNames = new Map<string, string>();
const LANGUAGE_NAMES_KEPT = 2000;

export function languageName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const key = `${locale}\u0000${code}`;
  const known = languageNames.get(key);
  if (known !== undefined) return known;
  let name = code;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    // An unknown code is shown as it is.
  }
  const shown = name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  if (languageNames.size < LANGUAGE_NAMES_KEPT) languageNames.set(key, shown);
  return shown;
}

/** Text in the reader's language when the record has it there, else the original; with its `lang`. */
export function inReaderLanguage(
  record: {
    original: string;
    originalLanguage: string;
    translation: string | null;
    translationLanguage: string | null;
  },
  locale: string,
): { text: string; lang: string } {
  if (record.originalLanguage !== locale && record.translation && record.translationLanguage === locale) {
    return { text: record.translation, lang: locale };
  }
  return { text: record.original, lang: record.originalLanguage };
}

/** "2022–2023" for years; months and days in the reader's format. An open end shows as "2023–". */
export function period(from: Date | null, to: Date | null, precision: DatePrecision, format: Formatter): CellValue {
  if (!from && !to) return null;
  const one = (date: Date) =>
    precision === "YEAR"
      ? String(date.getUTCFullYear())
      : format.dateTime(
          date,
          precision === "MONTH"
            ? { year: "numeric", month: "short", timeZone: "UTC" }
            : { dateStyle: "medium", timeZone: "UTC" },
        );
  const start = from ? one(from) : "";
  const end = to ? one(to) : "";
  return text(start === end ? start : `${start}–${end}`);
}

export function transcript(t: TablesT, locale: string, original: string | null, translation: string | null): CellValue {
  if (!original) return text(t("transcript.none"));
  const language = languageName(original, locale);
  return text(
    translation
      ? t("transcript.translated", { language, translation: languageName(translation, locale) })
      : t("transcript.original", { language }),
  );
}

/** "42 stories. Sorted by Updated, descending. Page 1 of 2." */
export function statusLine(
  count: string,
  page: ListPage<unknown>,
  sortLabel: string,
  sort: DataTableSort,
  t: TablesT,
): string {
  if (page.total === 0) return count;
  const sorted =
    sort.id === "relevance"
      ? t("status.relevance")
      : t("status.sorted", { column: sortLabel, direction: t(sort.desc ? "sort.descending" : "sort.ascending") });
  return [count, sorted, t("status.page", { page: page.page, pageCount: page.pageCount })].join(" ");
}
