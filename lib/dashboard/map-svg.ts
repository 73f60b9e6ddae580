/**
 * The stories-per-state map as a standalone SVG file: the same shapes, classes, hatched zero,
 * legend, per-state titles and credit as the page's map (components/dashboard/mexico-map.tsx),
 * written as text. Every text is escaped; nothing in it runs.
 */
import type { StateRow } from "./loaders";
import { classOf, mapClasses, MAP_SHAPES, MAP_VIEW_BOX } from "./map";

export type MapWords = {
  title: string;
  summary: string;
  legend: string;
  zero: string;
  range: (from: number, to: number) => string;
  state: (name: string, count: number) => string;
  credit: string;
};

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function mapSvg(states: StateRow[], words: MapWords): string {
  const classes = mapClasses(Math.max(0, ...states.map((state) => state.stories)));
  const [x = 0, y = 0, width = 0, height = 0] = MAP_VIEW_BOX.split(/\s+/).map(Number);
  const legendTop = y + height + 20;
  const legend = [
    { fill: "url(#map-zero)", label: words.zero },
    ...classes.map((range) => ({ fill: range.fill, label: words.range(range.from, range.to) })),
  ];
  const paths = states.map(
    (state) =>
      `<path d="${escape(MAP_SHAPES.get(state.iso) ?? "")}" fill="${classOf(state.stories, classes)?.fill ?? "url(#map-zero)"}" stroke="#4d4d4d" stroke-width="0.6"><title>${escape(words.state(state.name, state.stories))}</title></path>`,
  );
  const items = legend.map(
    (item, index) =>
      `<g transform="translate(${x + 10 + index * 150} ${legendTop + 12})"><rect width="16" height="16" fill="${item.fill}" stroke="#4d4d4d"/><text x="22" y="13" font-size="13">${escape(item.label)}</text></g>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height + 80}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escape(words.title)}</title>`,
    `<desc id="desc">${escape(words.summary)}</desc>`,
    `<defs><pattern id="map-zero" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="1.5"/></pattern></defs>`,
    `<rect x="${x}" y="${y}" width="${width}" height="${height + 80}" fill="#ffffff"/>`,
    ...paths,
    `<text x="${x + 10}" y="${legendTop}" font-size="14" font-weight="bold">${escape(words.legend)}</text>`,
    ...items,
    `<text x="${x + 10}" y="${legendTop + 52}" font-size="11">${escape(words.credit)}</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
