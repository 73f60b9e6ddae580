/**
 * A table's state as it lives in the URL: page, page size, sort, chosen columns and filters.
 * The URL is user input: every value is checked here with zod before any query sees it.
 *
 * - Presentation values (page, size, sort, cols) that do not parse fall back to their defaults:
 *   a wrong one can only show the same rows differently.
 * - Filters and the search text that do not parse REJECT the whole view: dropping a bad filter
 *   would silently widen the result set, and operator-like input (`{"contains":""}`, repeated
 *   keys) must never reach a query at all.
 */
import { z } from "zod";
import { parseColumns } from "./columns";
import { isCalendarDay } from "@/lib/core/calendar-day";
import { idSchemaWith } from "@/lib/core/ids";

export { parseColumns };

export const PAGE_SIZES = [5, 10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** Deeper than any real list; keeps OFFSET arithmetic far from overflow. */
export const MAX_PAGE = 100_000;
export const SEARCH_MAX_LENGTH = 200;

export type SortState = { id: string; desc: boolean };
export type SearchParams = Record<string, string | string[] | undefined>;

export type ListSpec<F extends z.ZodType<Record<string, unknown>>> = {
  /** Every column the list can show, in display order. */
  columns: readonly string[];
  /** Shown when the URL does not choose. */
  defaultColumns: readonly string[];
  /** Always shown: the column that links to the record. */
  requiredColumns: readonly string[];
  /** Sortable columns; may depend on the filters (e.g. relevance only while searching). */
  sortable: readonly string[] | ((filters: z.infer<F>) => readonly string[]);
  defaultSort: SortState | ((filters: z.infer<F>) => SortState);
  /** The filters, keyed by their URL parameter. */
  filterKeys: readonly string[];
  filters: F;
};

export type TableState<Filters> = {
  page: number;
  pageSize: number;
  sort: SortState;
  columns: string[];
  filters: Filters;
};

export type ParsedTableState<Filters> =
  | { ok: true; state: TableState<Filters> }
  /** Names of the URL parameters that were refused. */
  | { ok: false; rejected: string[] };

/** The one value of a parameter, or `undefined`; `null` when it was repeated (never meaningful). */
function single(value: string | string[] | undefined): string | undefined | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

export function parsePage(value: string | string[] | undefined): number {
  const text = single(value);
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  const page = Number(text);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function parsePageSize(value: string | string[] | undefined): number {
  const text = single(value);
  const size = text && /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
}

/** "title" (ascending) or "-updatedAt" (descending), for a sortable column only. */
export function parseSort(
  value: string | string[] | undefined,
  sortable: readonly string[],
  fallback: SortState,
): SortState {
  const text = single(value);
  const match = text ? /^(-?)([A-Za-z]{1,40})$/.exec(text) : null;
  if (!match || !sortable.includes(match[2]!)) return fallback;
  return { id: match[2]!, desc: match[1] === "-" };
}

export function sortParam(sort: SortState): string {
  return `${sort.desc ? "-" : ""}${sort.id}`;
}

/**
 * The filters of `keys` read with `schema`: `{ ok: false, rejected }` names every parameter that
 * was repeated or did not parse. Empty values count as absent (a GET form sends empty fields).
 */
export function parseFilters<F extends z.ZodType<Record<string, unknown>>>(
  keys: readonly string[],
  schema: F,
  params: SearchParams,
): { ok: true; filters: z.infer<F> } | { ok: false; rejected: string[] } {
  const rejected: string[] = [];
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = single(params[key]);
    if (value === null) rejected.push(key);
    else if (value !== undefined && value.trim() !== "") raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) rejected.push(String(issue.path[0] ?? "filters"));
  }
  if (rejected.length > 0 || !parsed.success) return { ok: false, rejected: [...new Set(rejected)].sort() };
  return { ok: true, filters: parsed.data };
}

/** The order a list falls back to under these filters (e.g. relevance while searching). */
export function defaultSortOf<F extends z.ZodType<Record<string, unknown>>>(
  spec: ListSpec<F>,
  filters: z.infer<F>,
): SortState {
  return typeof spec.defaultSort === "function" ? spec.defaultSort(filters) : spec.defaultSort;
}

export function parseTableState<F extends z.ZodType<Record<string, unknown>>>(
  spec: ListSpec<F>,
  params: SearchParams,
): ParsedTableState<z.infer<F>> {
  const parsed = parseFilters(spec.filterKeys, spec.filters, params);
  if (!parsed.ok) return parsed;
  const { filters } = parsed;
  const sortable = typeof spec.sortable === "function" ? spec.sortable(filters) : spec.sortable;
  const defaultSort = defaultSortOf(spec, filters);
  return {
    ok: true,
    state: {
      page: parsePage(params.page),
      pageSize: parsePageSize(params.size),
      // A header button submitting the filter form without JavaScript sends `sortBy` next to the
      // form's own `sort` (the current order); the button wins.
      sort: parseSort(params.sortBy ?? params.sort, sortable, defaultSort),
      columns: parseColumns(params.cols, spec),
      filters,
    },
  };
}

// ───────────── Filter value schemas, shared by the lists ─────────────

/** A record id (cuid or a seeded id): letters, digits, `_` and `-` only. */
export const idFilter = idSchemaWith("tables.invalid.id");

/**
 * A region as lib/places/regions.ts writes it: a place name as stored (e.g. "San Luis Potosí"),
 * letters, spaces and . , ' ’ ( ) - only, after a country code for regions outside Mexico
 * ("GT:Quetzaltenango").
 */
export const placeFilter = z
  .string()
  .trim()
  .max(84, "tables.invalid.tooLong")
  .regex(/^(?:[A-Z]{2}:)?[\p{L}\p{M}\p{N} .,'’()-]+$/u, "tables.invalid.place");

/** A calendar day, YYYY-MM-DD, that exists. */
export const dayFilter = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "tables.invalid.date")
  .refine((text) => isCalendarDay(text) && text >= "1900-01-01" && text <= "2999-12-31", "tables.invalid.date");

/**
 * Full-text search input: any language and punctuation (it is only ever a query parameter), but
 * bounded, without control characters (PostgreSQL refuses NUL) and with whitespace collapsed.
 */
export const searchText = z
  .string()
  .max(SEARCH_MAX_LENGTH * 2, "tables.invalid.tooLong")
  .transform((text) => text.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .max(SEARCH_MAX_LENGTH, "tables.invalid.tooLong")
      .refine(
        (text) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\ue000\ue001]/.test(text),
        "tables.invalid.search",
      ),
  );

/** `from` must not be after `to`; the issue names the `to` parameter. */
export function orderedRange<T extends Record<string, unknown>>(from: keyof T & string, to: keyof T & string) {
  return (value: T, context: z.RefinementCtx) => {
    const start = value[from];
    const end = value[to];
    if (typeof start === "string" && typeof end === "string" && start > end) {
      context.addIssue({ code: "custom", path: [to], message: "tables.invalid.range" });
    }
  };
}
