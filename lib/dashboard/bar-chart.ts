/**
 * The dashboard's horizontal bar charts as standalone SVG text (the fieldwork plan, the funnel, the
 * selection rates): one row per label, one bar per series, the figures written at the end of each
 * row and a legend in words, so colour is never the only signal (one series is drawn solid, a
 * second hatched). Attributes only, no `style` (the page's CSP forbids inline styles); every text
 * is escaped. The page shows the same text as an image and the download route sends it as it is.
 */

export type BarSeries = { label: string; fill: "solid" | "hatch" };

export type BarRow =
  /** A group's heading ("By storyteller type"), drawn in bold across the chart. */
  | { kind: "heading"; label: string }
  /**
   * `values` one per series, null where no bar is drawn (a hidden or undefined figure); `text` the
   * figures in words at the row's end; `title` the whole row in one sentence, for pointers.
   */
  | { kind: "bars"; label: string; values: Array<number | null>; text: string; title: string };

export type BarChart = {
  /** Prefix of the ids inside the SVG (title, description, pattern). */
  id: string;
  title: string;
  summary: string;
  series: BarSeries[];
  /** What the numbers at the rows' ends are ("Planned / Held", "Stories"). */
  valuesHeader: string;
  rows: BarRow[];
  /** The value a full bar stands for; the largest value when absent. */
  max?: number;
};

export const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const BARS = 440;
const TOP = 44;
const BAR = 12;
const STEP = 14;
const HEADING = 28;
const SOLID = "#1f4e79";
const OUTLINE = "#4d4d4d";
/** Width of a label's column: about 7 px a character at 13 px, within bounds (long labels wrap no further). */
const labelWidth = (rows: BarRow[]) =>
  Math.min(380, Math.max(140, 16 + 7 * Math.max(0, ...rows.map((row) => row.label.length))));

export function barChartSvg(chart: BarChart): string {
  const { id } = chart;
  const hatch = `url(#${id}-hatch)`;
  const fillOf = (series: BarSeries) =>
    series.fill === "hatch" ? `fill="${hatch}" stroke="${OUTLINE}" stroke-width="0.8"` : `fill="${SOLID}"`;
  const values = chart.rows.flatMap((row) => (row.kind === "bars" ? row.values : []));
  const scale = chart.max ?? Math.max(1, ...values.map((value) => value ?? 0));
  const length = (value: number) => Math.round((Math.min(value, scale) / scale) * BARS);
  const label = labelWidth(chart.rows);
  const width = label + BARS + 180;
  const rowHeight = Math.max(24, chart.series.length * STEP + 6);

  let y = TOP;
  const lines = chart.rows.map((row) => {
    if (row.kind === "heading") {
      const line = `<text x="8" y="${y + 20}" font-size="13" font-weight="bold">${escapeXml(row.label)}</text>`;
      y += HEADING;
      return line;
    }
    const top = y;
    y += rowHeight;
    const middle = top + rowHeight / 2 + 4;
    const bars = chart.series.map((series, index) => {
      const value = row.values[index];
      if (value === null || value === undefined) return "";
      const barTop = top + (rowHeight - chart.series.length * STEP) / 2 + index * STEP + 1;
      return `<rect x="${label}" y="${barTop}" width="${length(value)}" height="${BAR}" ${fillOf(series)}/>`;
    });
    return [
      `<g><title>${escapeXml(row.title)}</title>`,
      `<text x="${label - 8}" y="${middle}" font-size="13" text-anchor="end">${escapeXml(row.label)}</text>`,
      ...bars,
      `<text x="${label + BARS + 8}" y="${middle}" font-size="13">${escapeXml(row.text)}</text>`,
      `</g>`,
    ].join("");
  });
  const height = y + 16;
  // A key for each series when there is more than one, in words beside its swatch.
  const legend =
    chart.series.length > 1
      ? chart.series.map(
          (series, index) =>
            `<rect x="${label + index * 150}" y="10" width="16" height="12" ${fillOf(series)}/>` +
            `<text x="${label + index * 150 + 22}" y="21" font-size="13">${escapeXml(series.label)}</text>`,
        )
      : [];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(chart.summary)}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${OUTLINE}" stroke-width="1.5"/></pattern></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...legend,
    // The numbers' column says what it holds, so "12 / < 5" reads without the colours.
    `<text x="${label + BARS + 8}" y="21" font-size="13">${escapeXml(chart.valuesHeader)}</text>`,
    ...lines,
    `</svg>`,
    "",
  ].join("\n");
}
