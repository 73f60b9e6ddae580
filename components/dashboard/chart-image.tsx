/**
 * A bar chart (lib/dashboard/bar-chart.ts) shown as an image of its own SVG text: the same file the
 * download gives, with no script and no inline style (the CSP allows neither), and no ids that
 * could meet the page's. Its text alternative is the chart's title and one-sentence summary; the
 * table beside it carries every figure.
 */
import { barChartSvg, type BarChart } from "@/lib/dashboard/bar-chart";

export function ChartImage({ chart }: { chart: BarChart }) {
  return (
    <img
      className="bar-chart"
      src={`data:image/svg+xml;base64,${Buffer.from(barChartSvg(chart)).toString("base64")}`}
      alt={`${chart.title}. ${chart.summary}`}
    />
  );
}
