/**
 * A list's filter fields, declared by URL parameter: the element id, the label and the current
 * value all follow from the name, so the form and the "cannot be shown" message (which names
 * refused parameters by the same labels) cannot disagree. Server side.
 */
import { SEARCH_MAX_LENGTH } from "@/lib/tables/url-state";
import { DateFilter, SearchFilter, SelectFilter, type Option } from "../filter-fields";
import type { PresentContext } from "./format";
import { FILTER_LABELS, pageSizeOptions } from "./page";

export type FilterName = keyof typeof FILTER_LABELS;

/** One field of the form; `Name` narrows it to the parameters a list's URL state has. */
export type ListFilter<Name extends FilterName = FilterName> =
  | { kind: "select"; name: Name; options: Option[] }
  | { kind: "date"; name: Name }
  /** The full-text search; only the stories list has one. */
  | { kind: "search"; name: Name };

/** The filter values a list's URL parsed into: strings, or absent. */
export type FilterValues = Readonly<Partial<Record<FilterName, string>>>;

/** `changeType` → `change-type`: ids are kebab-case under the table's id. */
function idPart(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

type StateEntry = { state: string; region?: string; country?: { code: string; nameEs: string; nameEn: string } | null };

/** The evaluation's states, then other countries' regions named with their country, in the reader's alphabetical order. */
export function stateOptions(evaluation: { states: ReadonlyArray<StateEntry> }, context: PresentContext): Option[] {
  const label = (entry: StateEntry) =>
    entry.country
      ? `${entry.state} (${context.locale === "es" ? entry.country.nameEs : entry.country.nameEn})`
      : entry.state;
  const compare = new Intl.Collator(context.locale).compare;
  return [...evaluation.states]
    .sort((a, b) => Number(Boolean(a.country)) - Number(Boolean(b.country)) || compare(label(a), label(b)))
    .map((entry) => ({ value: entry.region ?? entry.state, label: label(entry) }));
}

/** The evaluation's own named records (domains, at-risk groups), named in the reader's language. */
export function namedOptions(
  records: ReadonlyArray<{ id: string; nameEs: string; nameEn: string }>,
  context: PresentContext,
): Option[] {
  return records.map((record) => ({
    value: record.id,
    label: context.locale === "es" ? record.nameEs : record.nameEn,
  }));
}

type ListFilterFieldsProps = {
  tableId: string;
  filters: ListFilter[];
  values: FilterValues;
  pageSize: number;
  context: PresentContext;
};

/** The declared filters in order, then the page size, which every list has last. */
export function ListFilterFields({ tableId, filters, values, pageSize, context }: ListFilterFieldsProps) {
  const { t } = context;
  return (
    <>
      {filters.map((filter) => {
        const field = {
          id: `${tableId}-${idPart(filter.name)}`,
          name: filter.name,
          label: t(`filters.${FILTER_LABELS[filter.name]}`),
          value: values[filter.name],
        };
        switch (filter.kind) {
          case "select":
            return <SelectFilter key={filter.name} {...field} options={filter.options} anyLabel={t("filters.any")} />;
          case "date":
            return <DateFilter key={filter.name} {...field} />;
          case "search":
            return (
              <SearchFilter key={filter.name} {...field} hint={t("filters.searchHint")} maxLength={SEARCH_MAX_LENGTH} />
            );
        }
      })}
      <SelectFilter
        id={`${tableId}-size`}
        name="size"
        label={t("filters.pageSize")}
        value={pageSize}
        options={pageSizeOptions(context)}
      />
    </>
  );
}
