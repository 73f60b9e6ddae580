/** The brief as a tagged PDF: not written yet (docs/decisions/0020-learning-brief.md). */
import type { BriefContent } from "./content";

export async function briefPdf(_content: BriefContent): Promise<Buffer> {
  throw new Error("BRIEF_PDF_NOT_AVAILABLE");
}
