/**
 * The stories-per-state map as a standalone SVG file: the same shapes, classes, hatched zero,
 * plan mark, legend, per-state titles and credit as the page's map
 * (components/dashboard/mexico-map.tsx), written as text. Every text is escaped; nothing in it runs.
 */
import type { StatePlanMark } from "./coverage-plan";
import type { StateRow } from "./loaders";
import { classOf, isMarked, mapClasses, MAP_SHAPES, MAP_VIEW_BOX, PLAN_MARK_STROKE } from "./map";

export type MapWords = {
  title: string;
  summary: string;
  legend: string;
  zero: string;
  range: (from: number, to: number) => string;
  state: (name: string, count: number) => string;
  /** The plan's words for a state it names ("In the plan, not reached yet"). */
  planMark: (mark: StatePlanMark) => string;
  credit: string;
};

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Dots over the state's own fill: dark with a light ring, so they show on every class. */
const PLAN_MARK_PATTERN = `<pattern id="map-planned" width="7" height="7" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="1.5" fill="#1a1a1a" stroke="#ffffff" stroke-width="0.6"/></pattern>`;
const MARK = `fill="url(#map-planned)" stroke="${PLAN_MARK_STROKE.stroke}" stroke-width="${PLAN_MARK_STROKE.width}" stroke-dasharray="${PLAN_MARK_STROKE.dash}"`;

export function mapSvg(states: StateRow[], words: MapWords): string {
  const classes = mapClasses(Math.max(0, ...states.map((state) => state.stories)));
  const [x = 0, y = 0, width = 0, height = 0] = MAP_VIEW_BOX.split(/\s+/).map(Number);
  const legendTop = y + height + 20;
  const marked = states.filter(isMarked);
  // The plan's key has its own line: its words are longer than a class's.
  const markKind = marked[0]?.plan ?? null;
  const extra = markKind ? 28 : 0;
  const total = height + 80 + extra;
  const legend = [
    { fill: "url(#map-zero)", label: words.zero },
    ...classes.map((range) => ({ fill: range.fill, label: words.range(range.from, range.to) })),
  ];
  const title = (state: StateRow) =>
    state.plan
      ? `${words.state(state.name, state.stories)}. ${words.planMark(state.plan)}`
      : words.state(state.name, state.stories);
  const paths = states.map(
    (state) =>
      `<path d="${escape(MAP_SHAPES.get(state.iso) ?? "")}" fill="${classOf(state.stories, classes)?.fill ?? "url(#map-zero)"}" stroke="#4d4d4d" stroke-width="0.6"><title>${escape(title(state))}</title></path>`,
  );
  // Drawn after every state, so no neighbour's outline covers the mark's.
  const marks = marked.map(
    (state) => `<path d="${escape(MAP_SHAPES.get(state.iso) ?? "")}" ${MARK} pointer-events="none"/>`,
  );
  const items = legend.map(
    (item, index) =>
      `<g transform="translate(${x + 10 + index * 150} ${legendTop + 12})"><rect width="16" height="16" fill="${item.fill}" stroke="#4d4d4d"/><text x="22" y="13" font-size="13">${escape(item.label)}</text></g>`,
  );
  const markItem = markKind
    ? `<g transform="translate(${x + 10} ${legendTop + 40})"><rect width="16" height="16" fill="#ffffff"/><rect width="16" height="16" ${MARK}/><text x="22" y="13" font-size="13">${escape(words.planMark(markKind))}</text></g>`
    : "";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${total}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escape(words.title)}</title>`,
    `<desc id="desc">${escape(words.summary)}</desc>`,
    `<defs><pattern id="map-zero" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="1.5"/></pattern>${PLAN_MARK_PATTERN}</defs>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${total}" fill="#ffffff"/>`,
    ...paths,
    ...marks,
    `<text x="${x + 10}" y="${legendTop}" font-size="14" font-weight="bold">${escape(words.legend)}</text>`,
    ...items,
    markItem,
    `<text x="${x + 10}" y="${legendTop + 52 + extra}" font-size="11">${escape(words.credit)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
