/**
 * Dashboard downloads, `GET /api/evaluations/{id}/dashboard/{figure}.{csv|xlsx}` (and the charts,
 * `states`, `plan`, `funnel` and `storytellers` (the selection rates), as SVG and PNG): the same 404 as the page for anyone who may not open the dashboard, the page's filters
 * (a filter that does not parse is refused, as on the page), the figures the loaders let this
 * reader see ("< 5" included), written by the table exports' writers (formula text neutralised,
 * numbers numbers), and one audit event once the file is complete.
 */
import { isoDay } from "@/lib/core/calendar-day";
import type { DownloadRequest } from "@/lib/exports/door";
import { contentTypeOf, exportStream } from "@/lib/exports/writers";
import { INTL_LOCALE, type AppLocale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { recordDashboardDownload } from "./download-mutations";
import { DASHBOARD_FIGURES, figureSource, figureTable, type DashboardFigure } from "./figures";
import { barChartSvg } from "./bar-chart";
import { funnelChart } from "./funnel-chart";
import { loadDashboard, type DashboardView } from "./loaders";
import { mapSummary } from "./map";
import { mapSvg } from "./map-svg";
import { planChartSvg, planChartWords, planSummary } from "./plan-chart";
import { chartPng } from "./png";
import { loadDashboardMeta, type DashboardMetaView } from "./meta-loaders";
import { selectionRateChart } from "./rate-chart";
import { parseDashboardFilters } from "./schema";
import { runtimeKeys } from "@/lib/i18n/labels";

const NO_STORE = { "Cache-Control": "private, no-store" } as const;
const refused = (status: 400 | 404) =>
  Response.json({ error: status === 404 ? "NOT_FOUND" : "BAD_REQUEST" }, { status, headers: NO_STORE });

type Format = "csv" | "xlsx" | "svg" | "png";
/** The figures drawn as charts, which also come as SVG and PNG. */
const CHARTS: ReadonlySet<DashboardFigure> = new Set(["states", "plan", "funnel", "storytellers"]);
/** The chart's file name where the figure's name would not say what the picture shows. */
const CHART_FILES: Partial<Record<DashboardFigure, string>> = { states: "map", storytellers: "selection-rates" };
/** "funnel.csv" → its figure and format; null for anything else (only charts come as SVG or PNG). */
export function parseFigureFile(file: string): { figure: DashboardFigure; format: Format } | null {
  const match = /^([a-z-]+)\.(csv|xlsx|svg|png)$/.exec(file);
  if (!match) return null;
  const [, figure = "", format = ""] = match;
  if (!(DASHBOARD_FIGURES as readonly string[]).includes(figure)) return null;
  if ((format === "svg" || format === "png") && !CHARTS.has(figure as DashboardFigure)) return null;
  return { figure: figure as DashboardFigure, format: format as Format };
}

function headers(contentType: string, filename: string) {
  return {
    ...NO_STORE,
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "X-Content-Type-Options": "nosniff",
    // As the other downloads: a file opened in the browser by mistake runs nothing.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}

/**
 * A figure's title as a sheet name: spreadsheets refuse : \\ / ? * [ ] and more than 31 characters.
 * A title too long keeps what comes before its colon ("Quantification"), or else whole words, never
 * "Quantification  the figures of ".
 */
export function sheetTitle(title: string): string {
  const tidy = (text: string) =>
    text
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  const whole = tidy(title);
  if (whole.length <= 31) return whole;
  const lead = tidy(title.split(":")[0]!);
  if (title.includes(":") && lead.length > 0 && lead.length <= 31) return lead;
  const cut = whole.slice(0, 32);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, 31)).replace(/[\s,;.–-]+$/, "");
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Chart = { svg: string; title: string; summary: string; rowCount: number };

function mapChart(dashboard: DashboardView, locale: AppLocale, t: Translate): Chart {
  const states = dashboard.where.states;
  const title = t("dashboard.where.mapTitle");
  const summary = mapSummary(states, dashboard.scope.exactCounts, { t, locale });
  const svg = mapSvg(states, {
    title,
    summary,
    legend: t("dashboard.where.legend"),
    zero: t("dashboard.where.zero"),
    range: (from, to) =>
      from === to ? t("dashboard.where.single", { from }) : t("dashboard.where.range", { from, to }),
    state: (name, count) => t("dashboard.where.stateTitle", { state: name, count }),
    planMark: (mark) => t(`dashboard.where.planMark.${mark}`),
    credit: t("dashboard.where.credit"),
  });
  return { svg, title, summary, rowCount: states.length };
}

/** Panelists (who see no fieldwork) get the chart of no rows, as the table gives them none. */
function planChart(dashboard: DashboardView, locale: AppLocale, t: Translate): Chart {
  const plan = dashboard.plan ?? { rows: [], plannedInterviews: 0, doneInterviews: null, notReached: null };
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const words = planChartWords(t, (value) => number.format(value), planSummary(plan, t));
  return {
    svg: planChartSvg(plan.rows, words),
    title: words.title,
    summary: words.summary,
    rowCount: plan.rows.length,
  };
}

/** The funnel's and the selection rates' bar charts; the row count is the bars drawn. */
function barChart(
  figure: "funnel" | "storytellers",
  views: { dashboard: DashboardView | null; meta: DashboardMetaView | null },
  locale: AppLocale,
  t: Translate,
): Chart {
  const chart =
    figure === "funnel"
      ? funnelChart(views.dashboard!.funnel, { t, locale })
      : selectionRateChart(views.meta!, { t, locale });
  const rowCount = chart.rows.filter((row) => row.kind === "bars").length;
  return { svg: barChartSvg(chart), title: chart.title, summary: chart.summary, rowCount };
}

export async function downloadDashboardFigure(request: DownloadRequest): Promise<Response> {
  const { evaluationId, user, locale } = request;
  const file = parseFigureFile(request.file);
  if (!file || !user) return refused(404);
  const parsed = parseDashboardFilters(request.params);
  const source = figureSource(file.figure);
  // The reader comes first: an outsider gets 404 whatever the filters say.
  const [dashboard, meta] = await Promise.all([
    source === "dashboard" && parsed.ok ? loadDashboard(evaluationId, user, parsed.filters) : null,
    source === "meta" && parsed.ok ? loadDashboardMeta(evaluationId, user, parsed.filters) : null,
  ]);
  if (!parsed.ok) return (await loadDashboardMeta(evaluationId, user, {})) ? refused(400) : refused(404);
  const scope = dashboard?.scope ?? meta?.scope;
  if (!scope) return refused(404);

  const translator = translatorFor(locale);
  const t = runtimeKeys(translator);
  const day = isoDay(new Date());
  const audit = (rowCount: number) =>
    recordDashboardDownload(evaluationId, user.id, request.ipAddress ?? null, {
      figure: file.figure,
      format: file.format,
      filters: parsed.filters,
      rowCount,
      exactCounts: scope.exactCounts,
    });

  if (file.format === "svg" || file.format === "png") {
    const chart =
      file.figure === "plan"
        ? planChart(dashboard!, locale, t)
        : file.figure === "states"
          ? mapChart(dashboard!, locale, t)
          : barChart(file.figure === "funnel" ? "funnel" : "storytellers", { dashboard, meta }, locale, t);
    await audit(chart.rowCount);
    const name = `${CHART_FILES[file.figure] ?? file.figure}-${day}.${file.format}`;
    if (file.format === "svg")
      return new Response(chart.svg, { headers: headers("image/svg+xml; charset=utf-8", name) });
    const png = chartPng(chart.svg, { title: chart.title, summary: chart.summary });
    return new Response(new Uint8Array(png), { headers: headers("image/png", name) });
  }

  const table = figureTable(file.figure, { dashboard, meta, locale, t });
  const body = exportStream(file.format, sheetTitle(table.title), table.columns, (sink) => sink(table.rows), audit);
  return new Response(body, { headers: headers(contentTypeOf(file.format), `${file.figure}-${day}.${file.format}`) });
}
