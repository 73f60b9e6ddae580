/**
 * Pure parts of the table and search UI: highlight splitting (no HTML ever), the filter form's
 * URL cleaning, the page window, and who sees excluded respondents.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "@/components/data-table/highlighted-text";
import { cleanQuery } from "@/components/data-table/filter-form";
import { hrefWith } from "@/components/data-table/href";
import { pageWindow } from "@/components/data-table/pagination";
import { hasMatch, MARK_END, MARK_START, splitHighlight } from "@/lib/search/highlight";
import { PERMISSIONS, type Role } from "@/lib/permissions";
import { seesExcludedRespondents } from "@/lib/tables/policy";

const mark = (text: string) => `${MARK_START}${text}${MARK_END}`;

describe("splitHighlight", () => {
  it("splits a headline into plain and marked parts", () => {
    expect(splitHighlight(`Los ${mark("niños")} y las ${mark("niñas")}.`)).toEqual([
      { text: "Los ", mark: false },
      { text: "niños", mark: true },
      { text: " y las ", mark: false },
      { text: "niñas", mark: true },
      { text: ".", mark: false },
    ]);
  });

  it("keeps markup as text: a stored <script> becomes a text part, never an element", () => {
    const parts = splitHighlight(`<script>alert("x")</script> ${mark("<b>niños</b>")}`);
    expect(parts).toEqual([
      { text: '<script>alert("x")</script> ', mark: false },
      { text: "<b>niños</b>", mark: true },
    ]);
  });

  it("drops stray or repeated sentinels without losing text", () => {
    expect(splitHighlight(`a${MARK_END}b${MARK_START}${MARK_START}c`)).toEqual([
      { text: "ab", mark: false },
      { text: "c", mark: true },
    ]);
    expect(splitHighlight("")).toEqual([]);
  });

  it("renders marked parts as <mark> and markup in the text escaped, never as elements", () => {
    const html = renderToStaticMarkup(
      createElement(HighlightedText, {
        parts: splitHighlight(`<script>alert(1)</script><img src=x onerror=alert(2)> ${mark("niños")}`),
        lang: "es",
      }),
    );
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("<mark>niños</mark>");
    expect(html).not.toMatch(/<script|<img/);
    expect(html.startsWith('<span lang="es">')).toBe(true);
  });

  it("tells whether anything matched", () => {
    expect(hasMatch(splitHighlight(`x ${mark("y")}`))).toBe(true);
    expect(hasMatch(splitHighlight("x y"))).toBe(false);
  });
});

describe("the filter form's URL", () => {
  it("leaves out empty fields, the page and values equal to the defaults", () => {
    const query = cleanQuery(
      [
        ["q", "niños"],
        ["domain", ""],
        ["page", "4"],
        ["size", "25"],
        ["cols", "title"],
        ["cols", "stage"],
        ["sort", "-updatedAt"],
      ],
      { size: ["25"], cols: ["title", "stage"], sort: ["-updatedAt"] },
    );
    expect(query.toString()).toBe("q=ni%C3%B1os");
  });

  it("keeps a column choice that differs from the default, and turns sortBy into sort", () => {
    const query = cleanQuery(
      [
        ["cols", "title"],
        ["sort", "-updatedAt"],
        ["sortBy", "-relevance"],
      ],
      { cols: ["title", "stage"] },
    );
    expect(query.getAll("cols")).toEqual(["title"]);
    expect(query.getAll("sort")).toEqual(["-relevance"]);
    expect(query.has("sortBy")).toBe(false);
  });

  it("builds hrefs that replace, repeat or remove parameters", () => {
    const current = new URLSearchParams("q=a&page=3&cols=x");
    expect(hrefWith("/p", current, { page: null })).toBe("/p?q=a&cols=x");
    expect(hrefWith("/p", current, { cols: ["x", "y"], page: "1" })).toBe("/p?q=a&cols=x&cols=y&page=1");
    expect(hrefWith("/p", new URLSearchParams(), {})).toBe("/p");
  });
});

describe("pageWindow", () => {
  it("shows the first, the last and two pages either side, with gaps", () => {
    expect(pageWindow(6, 40)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 40]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe("who sees respondents excluded by consent withdrawal", () => {
  const cases: Array<[Role, boolean]> = [
    ["LEAD", true],
    ["EVALUATOR", true],
    ["ANALYST", false],
    ["PANELIST", false],
    ["REVIEWER", false],
    ["ADMIN", false],
  ];
  it.each(cases)("%s → %s", (role, expected) => {
    expect(seesExcludedRespondents([role])).toBe(expected);
  });

  it("is never true for a role that may not read respondents at all", () => {
    for (const role of ["PANELIST", "REVIEWER", "ADMIN"] as Role[]) {
      expect((PERMISSIONS["respondent.view"] as readonly Role[]).includes(role)).toBe(false);
      expect(seesExcludedRespondents([role])).toBe(false);
    }
  });
});
