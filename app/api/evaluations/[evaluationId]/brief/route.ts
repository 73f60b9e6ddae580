/** The learning brief as a file: `?format=docx|pdf&lang=es|en[&include=validated|selected]`, audited. */
import { getAuthorizedUser } from "@/lib/auth/session";
import { downloadBrief } from "@/lib/brief/download";
import { briefDownloadSchema } from "@/lib/brief/schema";
import { DOWNLOAD_CSP } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ evaluationId: string }> }) {
  const { evaluationId } = await params;
  const noStore = { "Cache-Control": "private, no-store" };
  const user = await getAuthorizedUser();
  if (!user) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
  const query = briefDownloadSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "BAD_REQUEST" }, { status: 400, headers: noStore });
  const file = await downloadBrief(evaluationId, user, query.data);
  if (!file) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
  return new Response(new Uint8Array(file.body), {
    headers: {
      ...noStore,
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOWNLOAD_CSP,
    },
  });
}
