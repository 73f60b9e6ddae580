/** The tally chart is drawn on the server: proportional bars, round axis steps, no style attributes. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { axisTicks, TallyChart } from "@/components/selection/tally-chart";

describe("axisTicks", () => {
  it("steps from zero past the largest value in round steps", () => {
    expect(axisTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(axisTicks(12)).toEqual([0, 5, 10, 15]);
    expect(axisTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(3.4)).toEqual([0, 1, 2, 3, 4]);
    expect(axisTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("draws an axis from 0 to 1 when every value is zero (no ballots yet)", () => {
    expect(axisTicks(0)).toEqual([0, 1]);
  });
});

describe("TallyChart", () => {
  const html = renderToStaticMarkup(
    createElement(TallyChart, {
      rows: [
        { code: "H-01", value: 8 },
        { code: "H-02", value: 2 },
        { code: "H-03", value: 0 },
      ],
      valueLabel: "Points",
      title: "Tally",
    }),
  );

  it("draws each bar in proportion to the top of the axis", () => {
    expect([...html.matchAll(/<rect[^>]*width="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "100.00%",
      "25.00%",
      "0.00%",
    ]);
  });

  it("labels each bar with its story's code and the axis with its steps", () => {
    expect(html).toContain(">H-01<");
    expect([...html.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((match) => match[1])).toEqual([
      "0",
      "2",
      "4",
      "6",
      "8",
    ]);
  });

  it("is hidden from assistive technology (the table carries the figures) and writes no style attribute, which the CSP refuses", () => {
    expect(html).toMatch(/^<figure[^>]*aria-hidden="true"/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});
