/**
 * The validation sheet of one sampled respondent, as a PDF download. Leads and evaluators only
 * (validation.record); anyone else, and any id outside the evaluation or the sample, gets 404.
 * The download is audited (who, which round, which respondent code).
 */
import { getAuthorizedUser } from "@/lib/auth/session";
import { DOWNLOAD_CSP } from "@/lib/security/headers";
import { loadValidationSheet } from "@/lib/validation/loaders";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ evaluationId: string; roundId: string; respondentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { evaluationId, roundId, respondentId } = await params;
  const noStore = { "Cache-Control": "private, no-store" };
  const notFound = () => Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
  const sheet = await loadValidationSheet(evaluationId, roundId, respondentId, await getAuthorizedUser());
  if (!sheet) return notFound();
  return new Response(new Uint8Array(sheet.pdf), {
    headers: {
      ...noStore,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="validation-${sheet.respondentCode}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      // As the other downloads: a file opened in the browser by mistake runs nothing.
      "Content-Security-Policy": DOWNLOAD_CSP,
    },
  });
}
