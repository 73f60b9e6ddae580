/** What every fieldwork list page does the same way (server side). */
import { getFormatter, getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, sortParam, type SortState } from "@/lib/tables/url-state";
import type { Option } from "../filter-fields";
import type { PresentContext } from "./format";

export async function presentContext(evaluationId: string): Promise<PresentContext> {
  const [t, format, locale] = await Promise.all([getTranslations("tables"), getFormatter(), getLocale()]);
  return { t, format, locale, evaluationId };
}

/** Each filter's URL parameter and its label under `tables.filters`. */
export const FILTER_LABELS = {
  q: "search",
  domain: "domain",
  stage: "stage",
  changeType: "changeType",
  state: "state",
  atRiskGroup: "atRiskGroup",
  updatedFrom: "updatedFrom",
  updatedTo: "updatedTo",
  type: "type",
  gender: "gender",
  mode: "mode",
  from: "from",
  to: "to",
} as const;

/** "Stage, Date from": the refused URL parameters by their field labels. */
export function rejectedFields(rejected: string[], context: PresentContext): string {
  const labels = rejected.map((key) =>
    key in FILTER_LABELS ? context.t(`filters.${FILTER_LABELS[key as keyof typeof FILTER_LABELS]}`) : key,
  );
  return context.format.list(labels);
}

export function pageSizeOptions(context: PresentContext): Option[] {
  return PAGE_SIZES.map((size) => ({ value: String(size), label: context.format.number(size) }));
}

/** URL values the filter form leaves out because they are the defaults. */
export function formDefaults(defaultColumns: readonly string[], defaultSort: SortState): Record<string, string[]> {
  return { size: [String(DEFAULT_PAGE_SIZE)], cols: [...defaultColumns], sort: [sortParam(defaultSort)] };
}

export function enumOptions<K extends string>(values: readonly K[], label: (value: K) => string): Option[] {
  return values.map((value) => ({ value, label: label(value) }));
}
