/**
 * Table state read from the URL: defaults, bad page numbers, unknown sorts and columns fall back;
 * filters that do not parse (operator-like values, repeated keys, too-long search text) refuse
 * the whole view so that a bad filter can never widen the result set.
 */
import { describe, expect, it } from "vitest";
import { focusGroupListSpec, interviewListSpec, respondentListSpec, storyListSpec } from "@/lib/tables/lists";
import { parseSearchState } from "@/lib/search/schema";
import {
  DEFAULT_PAGE_SIZE,
  parseColumns,
  parsePage,
  parsePageSize,
  parseSort,
  parseTableState,
  SEARCH_MAX_LENGTH,
  type SearchParams,
} from "@/lib/tables/url-state";

function stories(params: SearchParams) {
  return parseTableState(storyListSpec, params);
}

function ok<T>(result: { ok: true; state: T } | { ok: false; rejected: string[] }): T {
  if (!result.ok) throw new Error(`rejected: ${result.rejected.join(", ")}`);
  return result.state;
}

describe("table URL state: defaults", () => {
  it("gives page 1, the default size, the list's default sort and columns, no filters", () => {
    expect(ok(stories({}))).toEqual({
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sort: { id: "updatedAt", desc: true },
      columns: ["code", "title", "match", "domain", "changeType", "stage", "updatedAt"],
      filters: {},
    });
    expect(ok(parseTableState(respondentListSpec, {})).sort).toEqual({ id: "code", desc: false });
    expect(ok(parseTableState(interviewListSpec, {})).sort).toEqual({ id: "date", desc: true });
    expect(ok(parseTableState(focusGroupListSpec, {})).sort).toEqual({ id: "date", desc: true });
  });

  it("sorts by relevance by default while searching, and offers relevance only then", () => {
    expect(ok(stories({ q: "niños" })).sort).toEqual({ id: "relevance", desc: true });
    expect(ok(stories({ q: "niños", sort: "title" })).sort).toEqual({ id: "title", desc: false });
    expect(ok(stories({ sort: "-relevance" })).sort).toEqual({ id: "updatedAt", desc: true });
  });

  it("treats empty fields of a submitted GET form as absent", () => {
    expect(ok(stories({ q: "", domain: "", stage: "", updatedFrom: "", size: "" })).filters).toEqual({});
  });
});

describe("table URL state: presentation values fall back", () => {
  it.each([["0"], ["-1"], ["abc"], ["1.5"], ["1e3"], ["9999999"], [" 2"], [["2", "3"]]])("page %j → 1", (value) => {
    expect(parsePage(value)).toBe(1);
  });

  it("keeps a valid page", () => {
    expect(parsePage("7")).toBe(7);
    expect(ok(stories({ page: "3" })).page).toBe(3);
  });

  it("accepts only the offered page sizes", () => {
    expect(parsePageSize("50")).toBe(50);
    expect(parsePageSize("5")).toBe(5);
    for (const bad of ["7", "1000", "-25", "abc", "0"]) expect(parsePageSize(bad)).toBe(DEFAULT_PAGE_SIZE);
  });

  it("ignores unknown sort columns and malformed sorts", () => {
    const fallback = { id: "code", desc: false };
    for (const bad of ["password", "-identity", "title;drop", "title desc", '{"title":"asc"}', "--title", ""]) {
      expect(parseSort(bad, ["title"], fallback), bad).toEqual(fallback);
    }
    expect(parseSort("-title", ["title"], fallback)).toEqual({ id: "title", desc: true });
  });

  it("lets a header button's sortBy win over the form's current sort (no JavaScript)", () => {
    expect(ok(stories({ sort: "-updatedAt", sortBy: "title" })).sort).toEqual({ id: "title", desc: false });
  });

  it("shows chosen columns in display order, always with the required one, ignoring unknown names", () => {
    expect(parseColumns(["stage", "title", "nameCiphertext"], storyListSpec)).toEqual(["code", "title", "stage"]);
    expect(parseColumns("period", storyListSpec)).toEqual(["code", "period"]);
    expect(parseColumns(["nope"], storyListSpec)).toEqual([...storyListSpec.defaultColumns]);
    expect(ok(parseTableState(respondentListSpec, { cols: ["consent"] })).columns).toEqual(["code", "consent"]);
  });
});

describe("table URL state: filters are checked, and a bad one refuses the view", () => {
  it("accepts well-formed filters", () => {
    expect(
      ok(
        stories({
          q: "  trabajo   infantil ",
          domain: "cmabc123",
          stage: "SCREENED",
          changeType: "NO_CHANGE",
          state: "San Luis Potosí",
          updatedFrom: "2024-01-01",
          updatedTo: "2024-12-31",
        }),
      ).filters,
    ).toEqual({
      q: "trabajo infantil",
      domain: "cmabc123",
      stage: "SCREENED",
      changeType: "NO_CHANGE",
      state: "San Luis Potosí",
      updatedFrom: "2024-01-01",
      updatedTo: "2024-12-31",
    });
    expect(
      ok(
        parseTableState(respondentListSpec, {
          type: "UNION_MEMBER",
          gender: "WOMAN",
          state: "Oaxaca",
          atRiskGroup: "cmgroup1",
        }),
      ).filters,
    ).toEqual({
      type: "UNION_MEMBER",
      gender: "WOMAN",
      state: "Oaxaca",
      atRiskGroup: "cmgroup1",
    });
    expect(ok(stories({ atRiskGroup: "cmgroup1" })).filters).toEqual({ atRiskGroup: "cmgroup1" });
    expect(
      ok(parseTableState(interviewListSpec, { mode: "PHONE", from: "2024-06-01", to: "2024-06-30" })).filters,
    ).toEqual({
      mode: "PHONE",
      from: "2024-06-01",
      to: "2024-06-30",
    });
  });

  it.each([
    ["domain", '{"contains":""}'],
    ["domain", '{"not":null}'],
    ["atRiskGroup", "WOMEN_WORKERS' OR 1=1--"],
    ["atRiskGroup", '{"in":["a","b"]}'],
    ["state", '{"contains":""}'],
    ["state", "Oaxaca' OR 1=1--"],
    ["state", "<script>alert(1)</script>"],
    ["stage", "screened"],
    ["stage", '{"in":["DRAFT","SCREENED"]}'],
    ["changeType", "POSITIVE,NEGATIVE"],
    ["updatedFrom", "2024-02-30"],
    ["updatedFrom", "yesterday"],
    ["updatedTo", "2024-1-1"],
  ])("refuses %s=%s", (key, value) => {
    expect(stories({ [key]: value })).toEqual({ ok: false, rejected: [key] });
  });

  it("refuses a filter given twice (an array is never a filter value)", () => {
    expect(stories({ stage: ["DRAFT", "SCREENED"] })).toEqual({ ok: false, rejected: ["stage"] });
    expect(parseTableState(respondentListSpec, { gender: ["WOMAN", "MAN"], type: "COMPANY" })).toEqual({
      ok: false,
      rejected: ["gender"],
    });
  });

  it("refuses an end date before the start date", () => {
    expect(stories({ updatedFrom: "2024-05-01", updatedTo: "2024-04-01" })).toEqual({
      ok: false,
      rejected: ["updatedTo"],
    });
    expect(parseTableState(interviewListSpec, { from: "2024-05-01", to: "2024-04-30" })).toEqual({
      ok: false,
      rejected: ["to"],
    });
  });

  it("refuses too-long search text, and search text with control or bidirectional-override characters", () => {
    expect(stories({ q: "a".repeat(SEARCH_MAX_LENGTH) }).ok).toBe(true);
    expect(stories({ q: "a".repeat(SEARCH_MAX_LENGTH + 1) })).toEqual({ ok: false, rejected: ["q"] });
    expect(stories({ q: "x".repeat(100_000) })).toEqual({ ok: false, rejected: ["q"] });
    expect(stories({ q: "niños\u0000" })).toEqual({ ok: false, rejected: ["q"] });
    expect(stories({ q: "\u202Esoñin" })).toEqual({ ok: false, rejected: ["q"] });
    expect(stories({ q: "fake \uE000mark\uE001" })).toEqual({ ok: false, rejected: ["q"] });
  });

  it("keeps SQL-ish and HTML-ish search text as plain text (it is only ever a bound parameter)", () => {
    expect(ok(stories({ q: "' OR 1=1--" })).filters.q).toBe("' OR 1=1--");
    expect(ok(stories({ q: "'; DROP TABLE change_story; --" })).filters.q).toBe("'; DROP TABLE change_story; --");
    expect(ok(stories({ q: "<script>alert(1)</script>" })).filters.q).toBe("<script>alert(1)</script>");
  });

  it("ignores parameters that are not filters of the list (they never reach a query)", () => {
    expect(
      ok(stories({ "domain[contains]": "x", evaluationId: "other", where: '{"id":{"not":null}}' })).filters,
    ).toEqual({});
  });

  it("names every refused parameter", () => {
    expect(stories({ stage: "NOPE", domain: "{}", q: "ok" })).toEqual({ ok: false, rejected: ["domain", "stage"] });
  });
});

describe("search page URL state", () => {
  it("reads the text, the kind and the page", () => {
    expect(parseSearchState({ q: "niños", kind: "interviews", page: "2" })).toEqual({
      ok: true,
      state: { q: "niños", kind: "interviews", page: 2 },
    });
    expect(parseSearchState({})).toEqual({ ok: true, state: { page: 1 } });
  });

  it("refuses an unknown kind, operator-like input and too-long text", () => {
    expect(parseSearchState({ kind: "respondents" })).toEqual({ ok: false, rejected: ["kind"] });
    expect(parseSearchState({ q: ["a", "b"] })).toEqual({ ok: false, rejected: ["q"] });
    expect(parseSearchState({ q: "z".repeat(SEARCH_MAX_LENGTH + 1) })).toEqual({ ok: false, rejected: ["q"] });
  });
});
