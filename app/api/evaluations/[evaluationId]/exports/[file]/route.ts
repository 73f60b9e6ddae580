/** Table downloads: `{table}.{csv|xlsx}` with the list's own query (lib/exports/door.ts). */
import { requestMeta } from "@/lib/actions";
import { getAuthorizedUser } from "@/lib/auth/session";
import { exportTable } from "@/lib/exports/door";
import { localeOfRequest, searchParamsOf } from "@/lib/exports/request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string; file: string }> }) {
  const { evaluationId, file } = await params;
  return exportTable({
    evaluationId,
    file,
    params: searchParamsOf(request),
    user: await getAuthorizedUser(),
    locale: localeOfRequest(request),
    ipAddress: (await requestMeta()).ipAddress,
  });
}
