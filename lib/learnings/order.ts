/**
 * The order the brief prints a kind of learning in, shared by the learnings page and the brief:
 * recommendations by audience, then their own order, so numbering runs straight through the
 * audiences; everything else by its own order. Pure.
 */
import { AUDIENCES, type LearningKind } from "./types";

type Ordered = { position: number; audience: (typeof AUDIENCES)[number] | null };

const audienceIndex = (row: Ordered) => (row.audience ? AUDIENCES.indexOf(row.audience) : 0);

export function briefOrder<T extends Ordered>(kind: LearningKind, rows: readonly T[]): T[] {
  const sorted = [...rows].sort((a, b) => a.position - b.position);
  return kind === "RECOMMENDATION" ? sorted.sort((a, b) => audienceIndex(a) - audienceIndex(b)) : sorted;
}
