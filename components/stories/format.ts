/** Shared wording for story values, on the server (pages) and in the browser alike. */
import type { useFormatter } from "next-intl";
import { utcMidnight } from "@/lib/core/calendar-day";
import { appLocaleOf, INTL_LOCALE } from "@/lib/i18n/config";
import { PERIOD_DATE_FORMAT } from "@/lib/stories/period";
import type { StorySnapshot } from "@/lib/stories/snapshot";
import { dynamic, type StoriesT } from "./form-types";

/** next-intl's formatter, as the story views pass it down. */
export type Formatter = ReturnType<typeof useFormatter>;

/** "2022 – 2023", "March 2023 – May 2023", "since 2021", or "no period given". */
export function formatPeriod(
  period: Pick<StorySnapshot, "periodPrecision" | "periodFrom" | "periodTo">,
  format: Formatter,
  t: StoriesT,
): string {
  const options = PERIOD_DATE_FORMAT[period.periodPrecision];
  const show = (iso: string) => format.dateTime(utcMidnight(iso), options);
  if (!period.periodFrom) return t("detail.noPeriod");
  if (!period.periodTo) return t("detail.periodOpen", { from: show(period.periodFrom) });
  const from = show(period.periodFrom);
  const to = show(period.periodTo);
  return from === to ? from : t("detail.periodRange", { from, to });
}

/**
 * A stored decimal in the reader's language, every digit kept: Intl formats a decimal string
 * exactly, a JavaScript number would round it. Spanish is written as Mexico writes it ("600,000").
 */
function number(value: string, locale: string): string {
  const numberLocale = INTL_LOCALE[appLocaleOf(locale)];
  return /^-?\d+(\.\d+)?$/.test(value)
    ? new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 4 }).format(value as unknown as number)
    : value;
}

/** "more than 10,000 workers", "81 %", "1–9 months". */
export function formatFigure(figure: StorySnapshot["figures"][number], locale: string, t: StoriesT): string {
  const shown = number(figure.value, locale);
  const value =
    figure.qualifier === "EXACT"
      ? shown
      : dynamic(t, `figureValues.${figure.qualifier}`, {
          value: shown,
          max: figure.valueMax ? number(figure.valueMax, locale) : "",
        });
  return figure.unit ? `${value} ${figure.unit}` : value;
}

export function formatDay(iso: string, format: Formatter): string {
  return format.dateTime(utcMidnight(iso), {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
