/**
 * The validation sheet of one sampled respondent, as a PDF download. Leads and evaluators only
 * (validation.record); anyone else, and any id outside the evaluation or the sample, gets 404.
 * The download is audited (who, which round, which respondent code).
 */
import { recordAudit } from "@/lib/audit";
import { getAuthorizedUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { verificationAccess } from "@/lib/validation/access";
import { getSheetData } from "@/lib/validation/data";
import { buildValidationSheet } from "@/lib/validation/sheet";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ evaluationId: string; roundId: string; respondentId: string }> };

export async function GET(_request: Request, { params }: Params) {
  const { evaluationId, roundId, respondentId } = await params;
  const noStore = { "Cache-Control": "private, no-store" };
  const notFound = () => Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
  const user = await getAuthorizedUser();
  const access = await verificationAccess(evaluationId, user);
  if (!user || !access?.record) return notFound();
  const sheet = await getSheetData(evaluationId, roundId, respondentId);
  if (!sheet) return notFound();
  const pdf = await buildValidationSheet(sheet);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId,
      actorId: user.id,
      action: "validation.sheet.download",
      recordType: "ValidationRound",
      recordId: roundId,
      after: { respondent: sheet.respondentCode, stories: sheet.stories.map((story) => `${story.code}@${story.version}`) },
    }),
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...noStore,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="validation-${sheet.respondentCode}.pdf"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
