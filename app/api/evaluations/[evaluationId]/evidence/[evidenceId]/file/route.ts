/**
 * An evidence item's attachment, for those who may see evidence in this evaluation; 404 for
 * everyone else (whether or not the item exists). Always a download (`attachment`), with the type
 * detected at upload and `nosniff`, so a browser never renders or runs it. Each read is audited.
 */
import { requestMeta } from "@/lib/actions";
import { getAuthorizedUser } from "@/lib/auth/session";
import { DOWNLOAD_CSP } from "@/lib/security/headers";
import { openEvidenceFile } from "@/lib/triangulation/loaders";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * RFC 6266: an ASCII fallback ("versión" as "version", not "versio_n") plus the UTF-8 name, in
 * which ' ( ) * are percent-encoded too (RFC 8187 allows none of them; the ' would end the value).
 */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ evaluationId: string; evidenceId: string }> },
) {
  const { evaluationId, evidenceId } = await params;
  const [reader, { ipAddress }] = await Promise.all([getAuthorizedUser(), requestMeta()]);
  const attachment = await openEvidenceFile(evaluationId, evidenceId, reader, ipAddress);
  if (!attachment) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: NO_STORE });
  return new Response(attachment.content, {
    headers: {
      ...NO_STORE,
      "Content-Type": attachment.mimeType,
      "Content-Length": String(attachment.content.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOWNLOAD_CSP,
    },
  });
}
