/**
 * The list pages' filter fields, declared by URL parameter: each gets a label tied to its input,
 * the id the pages (and their tests and bookmarks of the form) have always used, and the value
 * the URL holds; the page size comes last. Every filter a list parses has a label.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { PresentContext } from "@/components/data-table/lists/format";
import {
  ListFilterFields,
  stateOptions,
  type FilterValues,
  type ListFilter,
} from "@/components/data-table/lists/list-filters";
import { FILTER_LABELS } from "@/components/data-table/lists/page";
import type { EvaluationOverview } from "@/lib/evaluations/data";
import { INTL_LOCALE } from "@/lib/i18n/config";
import { en, es } from "@/lib/i18n/messages";
import { focusGroupListSpec, interviewListSpec, respondentListSpec, storyListSpec } from "@/lib/tables/lists";
import { defaultSortOf, SEARCH_MAX_LENGTH } from "@/lib/tables/url-state";

function context(locale: "en" | "es"): PresentContext {
  const t = createTranslator({
    locale: INTL_LOCALE[locale],
    messages: locale === "en" ? en : es,
    namespace: "tables",
  }) as unknown as PresentContext["t"];
  return {
    t,
    format: createFormatter({ locale: INTL_LOCALE[locale], timeZone: "UTC" }) as unknown as PresentContext["format"],
    locale,
    evaluationId: "e1",
  };
}

/** A message as React writes it in HTML. */
const inHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/</g, "&lt;");

function render(filters: ListFilter[], values: FilterValues, locale: "en" | "es" = "en", pageSize = 25): string {
  return renderToStaticMarkup(
    createElement(ListFilterFields, { tableId: "stories", filters, values, pageSize, context: context(locale) }),
  );
}

const STORY_FILTERS: ListFilter[] = [
  { kind: "search", name: "q" },
  {
    kind: "select",
    name: "changeType",
    options: [
      { value: "POSITIVE", label: "Positive" },
      { value: "NEGATIVE", label: "Negative" },
    ],
  },
  { kind: "date", name: "updatedFrom" },
];

describe("a list's filter fields", () => {
  it("ties each label to its input under a kebab-case id, in the declared order, with the page size last", () => {
    const html = render(STORY_FILTERS, {});
    const ids = [...html.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(["stories-q", "stories-change-type", "stories-updated-from", "stories-size"]);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    expect(html).toContain(`>${inHtml(en.tables.filters.search)}</label>`);
    expect(html).toContain(`>${inHtml(en.tables.filters.changeType)}</label>`);
    expect(html).toContain(`>${inHtml(en.tables.filters.updatedFrom)}</label>`);
    expect(html).toContain(`>${inHtml(en.tables.filters.pageSize)}</label>`);
  });

  it("shows the URL's values, an 'Any' choice on selects, and the search's hint and length limit", () => {
    const html = render(STORY_FILTERS, { q: "contratos", changeType: "NEGATIVE", updatedFrom: "2024-02-01" }, "en", 10);
    expect(html).toMatch(/<input[^>]*type="search"[^>]*value="contratos"/);
    expect(html).toContain(`maxLength="${SEARCH_MAX_LENGTH}"`);
    expect(html).toContain(`aria-describedby="stories-q-hint"`);
    expect(html).toMatch(
      /<select id="stories-change-type" name="changeType"[^>]*><option value="">Any<\/option><option value="POSITIVE">Positive<\/option><option value="NEGATIVE" selected="">/,
    );
    expect(html).toMatch(/<input[^>]*type="date"[^>]*value="2024-02-01"/);
    expect(html).toMatch(
      /<select id="stories-size" name="size"[^>]*><option value="5">5<\/option><option value="10" selected="">/,
    );
    expect(html).not.toMatch(/id="stories-size"[^>]*><option value="">/);
  });

  it("labels the fields in the reader's language", () => {
    const html = render(STORY_FILTERS, {}, "es");
    expect(html).toContain(`>${inHtml(es.tables.filters.changeType)}</label>`);
    expect(html).not.toContain(en.tables.filters.changeType);
  });

  it("keeps a hostile stored place name as text", () => {
    const evaluation = {
      states: [{ state: "Zacatecas" }, { state: '<script>alert(1)</script>"' }, { state: "Ávila" }],
    } as unknown as EvaluationOverview;
    const options = stateOptions(evaluation, context("es"));
    expect(options.map((option) => option.value)).toEqual(['<script>alert(1)</script>"', "Ávila", "Zacatecas"]);
    const html = render([{ kind: "select", name: "state", options }], { state: "Ávila" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<option value="Ávila" selected="">');
  });

  it("has a label for every filter each list parses (a refused one is named by it too)", () => {
    for (const spec of [storyListSpec, respondentListSpec, interviewListSpec, focusGroupListSpec]) {
      for (const key of spec.filterKeys) expect(Object.keys(FILTER_LABELS)).toContain(key);
    }
  });
});

describe("a list's default order", () => {
  it("is relevance while searching stories, the latest update otherwise, and fixed for the other lists", () => {
    expect(defaultSortOf(storyListSpec, { q: "contratos" })).toEqual({ id: "relevance", desc: true });
    expect(defaultSortOf(storyListSpec, {})).toEqual({ id: "updatedAt", desc: true });
    expect(defaultSortOf(interviewListSpec, {})).toEqual({ id: "date", desc: true });
    expect(defaultSortOf(respondentListSpec, { type: "COMPANY" })).toEqual({ id: "code", desc: false });
  });
});
