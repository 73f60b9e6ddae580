/**
 * The kit's titled section: the region is named by its own heading, with the same markup the
 * pages wrote by hand (browser tests and the accessibility scan read it).
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Section } from "@/components/ui/section";

describe("Section", () => {
  it("is a section labelled by its own second-level heading", () => {
    const html = renderToStaticMarkup(h(Section, { id: "plan-title", title: "Plan" }, h("p", null, "body")));
    expect(html).toBe(
      '<section class="section" aria-labelledby="plan-title"><h2 id="plan-title">Plan</h2><p>body</p></section>',
    );
  });

  it("takes a heading level, its own class or none, and a muted line under the heading", () => {
    expect(renderToStaticMarkup(h(Section, { id: "c", title: "C", level: 3, className: "box" }))).toBe(
      '<section class="box" aria-labelledby="c"><h3 id="c">C</h3></section>',
    );
    expect(renderToStaticMarkup(h(Section, { id: "n", title: "N", className: null, description: "Hint" }))).toBe(
      '<section aria-labelledby="n"><h2 id="n">N</h2><p class="muted">Hint</p></section>',
    );
  });

  it("shows an empty description line as the pages did, and none when there is no description", () => {
    expect(renderToStaticMarkup(h(Section, { id: "e", title: "E", description: "" }))).toContain(
      '<p class="muted"></p>',
    );
    expect(renderToStaticMarkup(h(Section, { id: "e", title: "E", description: null }))).not.toContain("<p");
  });

  it("carries its own id for a link to it, apart from the heading's", () => {
    expect(renderToStaticMarkup(h(Section, { id: "round-disputes", title: "D", anchor: "disputes" }))).toBe(
      '<section class="section" aria-labelledby="round-disputes" id="disputes"><h2 id="round-disputes">D</h2></section>',
    );
  });
});
