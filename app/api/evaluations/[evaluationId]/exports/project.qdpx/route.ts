/** The REFI-QDA project (lib/exports/refi-qda/download.ts); a static segment, so it wins over `[file]`. */
import { requestMeta } from "@/lib/actions";
import { getAuthorizedUser } from "@/lib/auth/session";
import { localeOfRequest } from "@/lib/exports/request";
import { exportProject } from "@/lib/exports/refi-qda/download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  return exportProject({
    evaluationId,
    user: await getAuthorizedUser(),
    locale: localeOfRequest(request),
    ipAddress: (await requestMeta()).ipAddress,
  });
}
