/**
 * The dashboard's bar charts and the map's plan mark, as pure functions: the SVG text (escaped, a
 * bar only where a figure is shown, a legend in words), the marks each kind of reader gets, and
 * the summaries, worded so that a reader without exact counts cannot tell "none" from "some".
 */
import { describe, expect, it } from "vitest";
import { barChartSvg } from "@/lib/dashboard/bar-chart";
import { planCoverage, statePlanMarks } from "@/lib/dashboard/coverage-plan";
import { funnelSummary } from "@/lib/dashboard/funnel-chart";
import type { StateRow } from "@/lib/dashboard/loaders";
import { mapSummary } from "@/lib/dashboard/map";
import type { DashboardMetaView, StorytellerGroup } from "@/lib/dashboard/meta-loaders";
import { FUNNEL_STAGES, UNDER_5 } from "@/lib/dashboard/policy";
import { selectionRateChart, selectionRateSummary } from "@/lib/dashboard/rate-chart";
import { runtimeKeys } from "@/lib/i18n/labels";
import { translatorFor } from "@/lib/i18n/translator";
import { MEXICO_STATES } from "@/lib/places/catalogue";

const text = (locale: "es" | "en") => ({
  t: runtimeKeys(translatorFor(locale)),
  locale,
});

describe("the bar chart", () => {
  const svg = barChartSvg({
    id: "test",
    title: 'Plan <"A&B">',
    summary: "One sentence.",
    series: [
      { label: "Planned", fill: "hatch" },
      { label: "Held", fill: "solid" },
    ],
    valuesHeader: "Planned / Held",
    rows: [
      { kind: "heading", label: "Group" },
      { kind: "bars", label: "<script>", values: [10, 5], text: "10 / 5", title: "full" },
      { kind: "bars", label: "Hidden", values: [4, null], text: "4 / < 5", title: "hidden" },
    ],
  });

  it("escapes every text and has no script, handler or style", () => {
    expect(svg).toContain('<title id="test-title">Plan &lt;&quot;A&amp;B&quot;&gt;</title>');
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).not.toMatch(/<script|on[a-z]+=|style=/i);
  });

  it("draws a bar only for a figure shown, on one scale, with the legend's two swatches", () => {
    const rects = [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="(\d+)" height="12"/g)].map((m) => Number(m[1]));
    // The legend's two swatches (16 wide), then the bars: 10 -> 440, 5 -> 220, 4 -> 176, none for the hidden one.
    expect(rects).toEqual([16, 16, 440, 220, 176]);
    expect(svg.match(/fill="url\(#test-hatch\)"/g)).toHaveLength(3);
    expect(svg).toContain(">4 / &lt; 5</text>");
  });
});

describe("the map's plan mark", () => {
  const plan = [
    { region: "Chiapas", countryCode: null, state: "Chiapas", plannedInterviews: 3, plannedFocusGroups: 0 },
    { region: "Veracruz", countryCode: null, state: "Veracruz", plannedInterviews: 2, plannedFocusGroups: 0 },
    { region: "Oaxaca", countryCode: null, state: "Oaxaca", plannedInterviews: 0, plannedFocusGroups: 1 },
    { region: "GT:Petén", countryCode: "GT", state: "Petén", plannedInterviews: 1, plannedFocusGroups: 0 },
  ];
  const held = [
    { state: "Veracruz", interviews: 2, focusGroups: 0 },
    { state: "Oaxaca", interviews: 0, focusGroups: 7 },
  ];
  const marksFor = (exactCounts: boolean) =>
    Object.fromEntries(statePlanMarks(planCoverage(plan, held, {}, { exactCounts }), { exactCounts }));

  it("says 'not reached' to exact readers only where nothing was held, and marks no region abroad", () => {
    expect(marksFor(true)).toEqual({ "MX-CHP": "NOT_REACHED", "MX-VER": "REACHED", "MX-OAX": "REACHED" });
  });

  it("gives other readers one mark for none and for fewer than five, unless five or more were held", () => {
    expect(marksFor(false)).toEqual({ "MX-CHP": "FEW_HELD", "MX-VER": "FEW_HELD", "MX-OAX": "REACHED" });
  });

  it("counts the marked states in the map's one-sentence summary, in the words of the reader's mark", () => {
    const states = (marks: Record<string, StateRow["plan"]>): StateRow[] =>
      MEXICO_STATES.map((state) => ({
        name: state.name,
        iso: state.iso,
        stories: state.name === "Oaxaca" ? 3 : 0,
        interviews: 0,
        participants: null,
        plan: marks[state.iso] ?? null,
      }));
    expect(mapSummary(states(marksFor(true)), true, text("en"))).toBe(
      "Stories come from 1 of Mexico's 32 states, most from Oaxaca (3); 1 state in the plan has no interview or focus group yet.",
    );
    expect(mapSummary(states(marksFor(false)), false, text("es"))).toBe(
      "Las historias provienen de 1 de los 32 estados de México, la mayoría de Oaxaca (3); 2 estados del plan han tenido menos de 5 entrevistas y menos de 5 grupos focales.",
    );
    expect(mapSummary(states({}), true, text("en"))).toBe(
      "Stories come from 1 of Mexico's 32 states, most from Oaxaca (3).",
    );
  });
});

describe("the funnel's summary", () => {
  it("names every step with the most stories, and only approved outcomes for their readers", () => {
    const totals = { DRAFT: 3, SELECTED: 3, APPROVED: 1 };
    expect(funnelSummary({ stages: FUNNEL_STAGES, rows: [], totals, total: 7 }, text("en"))).toBe(
      "7 stories, 1 approved; the largest number stand at Draft and Selected (3).",
    );
    expect(funnelSummary({ stages: ["APPROVED"], rows: [], totals: { APPROVED: 1 }, total: 1 }, text("es"))).toBe(
      "1 resultado aprobado.",
    );
  });
});

describe("the selection rates", () => {
  const group = (
    key: string,
    selected: StorytellerGroup["selected"],
    notSelected: StorytellerGroup["notSelected"],
    rate: number | null,
  ): StorytellerGroup => ({
    key,
    storytellers: 9,
    told: 9,
    selected,
    notSelected,
    approved: 0,
    rate,
  });
  const view = (exactCounts: boolean, stages: DashboardMetaView["scope"]["stages"] = FUNNEL_STAGES) =>
    ({
      scope: { stages, exactCounts, linksToStories: true },
      storytellers: {
        type: [
          group("UNION_MEMBER", 6, 6, 0.5),
          group("COMPANY", exactCounts ? 0 : UNDER_5, exactCounts ? 0 : UNDER_5, null),
        ],
        gender: [group("WOMAN", exactCounts ? 3 : UNDER_5, 9, null)],
        state: [],
        atRisk: [],
      },
    }) as unknown as DashboardMetaView;

  it("writes a missing rate as 'no decision' to exact readers and as 'not shown' to others, never both", () => {
    const exact = selectionRateChart(view(true), text("en"));
    expect(exact.rows.flatMap((row) => (row.kind === "bars" ? [row.text] : []))).toEqual([
      "50% (6 of 12)",
      "no decision yet",
      "no decision yet",
    ]);
    const hidden = selectionRateChart(view(false), text("en"));
    const words = hidden.rows.flatMap((row) => (row.kind === "bars" ? [row.text] : []));
    expect(words.slice(1)).toEqual(["not shown (built on a count under 5)", "not shown (built on a count under 5)"]);
    expect(JSON.stringify(hidden)).not.toContain("no decision");
    expect(hidden.summary).toBe(
      "Selection rate by storyteller type: 50% for Union member; by storyteller gender: not shown (groups under 5).",
    );
  });

  it("draws no bars for readers of approved outcomes only, and says why", () => {
    const chart = selectionRateChart(view(false, ["APPROVED"]), text("es"));
    expect(chart.rows).toEqual([]);
    expect(selectionRateSummary(view(false, ["APPROVED"]), text("es"))).toContain("no hay tasa de selección");
  });
});
