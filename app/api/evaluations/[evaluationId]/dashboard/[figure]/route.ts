/** Dashboard figure downloads: `{figure}.{csv|xlsx}` and the map as `states.svg`, with the page's filters (lib/dashboard/download.ts). */
import { requestMeta } from "@/lib/actions";
import { getAuthorizedUser } from "@/lib/auth/session";
import { downloadDashboardFigure } from "@/lib/dashboard/download";
import { localeOfRequest, searchParamsOf } from "@/lib/exports/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string; figure: string }> }) {
  const { evaluationId, figure } = await params;
  return downloadDashboardFigure({
    evaluationId,
    file: figure,
    params: searchParamsOf(request),
    user: await getAuthorizedUser(),
    locale: localeOfRequest(request),
    ipAddress: (await requestMeta()).ipAddress,
  });
}
