/**
 * StaticTable replaced hand-written table markup on many pages; browser-test locators and axe
 * rely on that markup, so it must render exactly as the hand-written form did.
 */
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StaticTable } from "@/components/ui/static-table";

/** The markup the pages wrote by hand before. */
function handWritten(captionId: string, caption: ReactNode, headers: ReactNode[], tableClass: string, rows: ReactNode) {
  return renderToStaticMarkup(
    h(
      "div",
      { className: "table-scroll", role: "region", "aria-labelledby": captionId, tabIndex: 0 },
      h(
        "table",
        { className: tableClass },
        h("caption", { id: captionId }, caption),
        h("thead", null, h("tr", null, ...headers.map((header) => h("th", { scope: "col" }, header)))),
        h("tbody", null, rows),
      ),
    ),
  );
}

const rows = [
  h("tr", { key: "a" }, h("th", { scope: "row" }, "R-0001"), h("td", null, "2")),
  h("tr", { key: "b" }, h("td", { colSpan: 2 }, "—")),
];

describe("StaticTable", () => {
  it("renders the same markup as the hand-written table", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, {
        captionId: "members-caption",
        caption: "3 members",
        columns: ["Name", "Roles"],
        children: rows,
      }),
    );
    expect(html).toBe(handWritten("members-caption", "3 members", ["Name", "Roles"], "table", rows));
    expect(html).toContain(
      '<div class="table-scroll" role="region" aria-labelledby="members-caption" tabindex="0"><table class="table"><caption id="members-caption">3 members</caption>',
    );
  });

  it("adds only the compact modifier when asked", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, { captionId: "audit-caption", caption: "Events", columns: ["#"], compact: true, children: rows }),
    );
    expect(html).toBe(handWritten("audit-caption", "Events", ["#"], "table table--compact", rows));
  });

  it("leaves out columns the viewer may not see, keeping the order of the rest", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, {
        captionId: "c",
        caption: "x",
        columns: ["Name", false, null, "Roles", undefined, "Actions"],
        children: null,
      }),
    );
    expect(html).toBe(handWritten("c", "x", ["Name", "Roles", "Actions"], "table", null));
    expect(html.match(/<th scope="col">/g)).toHaveLength(3);
  });

  it("keeps an empty-string header, which is a column with no visible name", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, { captionId: "c", caption: "x", columns: ["", "Value"], children: null }),
    );
    expect(html).toContain('<tr><th scope="col"></th><th scope="col">Value</th></tr>');
  });

  it("shows the empty line instead of the table when there are no rows", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, { captionId: "c", caption: "x", columns: ["Name"], empty: "No rounds yet.", children: [] }),
    );
    expect(html).toBe('<p class="muted">No rounds yet.</p>');
  });

  it("shows the table when there are rows to show (no empty line)", () => {
    const html = renderToStaticMarkup(
      h(StaticTable, { captionId: "c", caption: "x", columns: ["Name", "Roles"], empty: null, children: rows }),
    );
    expect(html).toBe(handWritten("c", "x", ["Name", "Roles"], "table", rows));
  });

  it("escapes hostile text in the caption and headers instead of rendering it", () => {
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const html = renderToStaticMarkup(
      h(StaticTable, { captionId: "c", caption: hostile, columns: [hostile, '=HYPERLINK("x")'], children: null }),
    );
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toBe(handWritten("c", hostile, [hostile, '=HYPERLINK("x")'], "table", null));
  });
});
