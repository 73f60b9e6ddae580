/**
 * The audit trail's first download address, kept for bookmarks and scripts: the same export as
 * `exports/audit.csv` (lib/exports/door.ts), with raw column names as it always had.
 */
import { requestMeta } from "@/lib/actions";
import { getAuthorizedUser } from "@/lib/auth/session";
import { exportTable } from "@/lib/exports/door";
import { localeOfRequest, searchParamsOf } from "@/lib/exports/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  return exportTable({
    evaluationId,
    file: "audit.csv",
    params: searchParamsOf(request),
    user: await getAuthorizedUser(),
    locale: localeOfRequest(request),
    ipAddress: (await requestMeta()).ipAddress,
    defaultLabels: "raw",
  });
}
