/** Reporting periods are calendar dates; shown as "1 January 2024 – 31 March 2025" in the user's language. */
export const PERIOD_FORMAT = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } as const;

/** The record's name in the interface language, for records that carry both. */
export function localized<T extends { nameEn: string; nameEs: string }>(record: T, locale: string): string {
  return locale === "es" ? record.nameEs : record.nameEn;
}
