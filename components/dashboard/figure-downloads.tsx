/**
 * The download links of one dashboard figure: the same figures as the table beside it, with the
 * page's filters, as CSV and XLSX (and SVG and PNG for the charts). Plain links: the route answers with a file.
 */
import { getTranslations } from "next-intl/server";
import type { DashboardFigure } from "@/lib/dashboard/figures";
import { dashboardQuery, type DashboardFilters } from "@/lib/dashboard/schema";
import { evaluationApiPath } from "@/lib/evaluations/paths";

type Props = { evaluationId: string; figure: DashboardFigure; filters: DashboardFilters; title: string; svg?: boolean };

export function figureHref(evaluationId: string, figure: string, format: string, filters: DashboardFilters): string {
  const query = dashboardQuery(filters).toString();
  return `${evaluationApiPath(evaluationId, "dashboard", `${figure}.${format}`)}${query ? `?${query}` : ""}`;
}

export async function FigureDownloads({ evaluationId, figure, filters, title, svg = false }: Props) {
  const t = await getTranslations("dashboardMeta");
  const formats = svg ? (["csv", "xlsx", "svg", "png"] as const) : (["csv", "xlsx"] as const);
  return (
    <p className="actions">
      <span aria-hidden="true">{t("download")}:</span>
      {formats.map((format) => (
        <a
          key={format}
          id={`download-${figure}-${format}`}
          href={figureHref(evaluationId, figure, format, filters)}
          download
        >
          <span aria-hidden="true">{format.toUpperCase()}</span>
          <span className="visually-hidden">{t("downloadAs", { figure: title, format: format.toUpperCase() })}</span>
        </a>
      ))}
    </p>
  );
}
