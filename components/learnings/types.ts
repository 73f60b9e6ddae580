/** What the learnings page hands its client components: plain data, no Prisma types. */
import type { LearningFormOptions, LearningRow } from "@/lib/learnings/data";
import { AUDIENCES, type LearningKind } from "@/lib/learnings/schema";

export type { LearningFormOptions, LearningKind, LearningRow };
export type Language = "ES" | "EN";

const audienceIndex = (row: LearningRow) => (row.audience ? AUDIENCES.indexOf(row.audience) : 0);

/**
 * The order the brief prints a kind in: recommendations by audience, then their own order, so
 * numbering runs straight through the audiences; everything else by its own order.
 */
export function briefOrder(kind: LearningKind, rows: LearningRow[]): LearningRow[] {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return kind === "RECOMMENDATION" ? sorted.sort((a, b) => audienceIndex(a) - audienceIndex(b)) : sorted;
}
