/** The search page's URL: the text, which kind of record, and the page of that kind. */
import { z } from "zod";
import { parseFilters, parsePage, searchText, type SearchParams } from "@/lib/tables/url-state";

export const SEARCH_KINDS = ["stories", "interviews", "focusGroups"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const searchSchema = z
  .object({
    q: searchText.optional(),
    /** One kind, paged; absent: the best few of every kind the reader may see. */
    kind: z.enum(SEARCH_KINDS).optional(),
  })
  .strict();

export type SearchState = { q?: string; kind?: SearchKind; page: number };

export function parseSearchState(
  params: SearchParams,
): { ok: true; state: SearchState } | { ok: false; rejected: string[] } {
  const parsed = parseFilters(["q", "kind"], searchSchema, params);
  if (!parsed.ok) return parsed;
  return { ok: true, state: { ...parsed.filters, page: parsePage(params.page) } };
}

/** Results per kind when all kinds are shown, and per page when one kind is. */
export const SEARCH_PREVIEW_SIZE = 5;
export const SEARCH_PAGE_SIZE = 20;
