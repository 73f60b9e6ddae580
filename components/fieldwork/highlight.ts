/** Splitting a transcript into plain and marked runs for the viewer's backdrop. Pure. */

export type MarkRange = { id: string; startOffset: number; endOffset: number };
export type Run = { start: number; end: number; ids: string[] };

/**
 * Consecutive runs covering the whole text; each run lists the excerpts over it (none for plain
 * text). Overlapping excerpts produce runs with several ids. O(n log n) in the number of marks.
 */
export function runsOf(length: number, marks: readonly MarkRange[]): Run[] {
  const points = new Set<number>([0, length]);
  const valid = marks.filter(
    (mark) => mark.startOffset >= 0 && mark.endOffset <= length && mark.startOffset < mark.endOffset,
  );
  for (const mark of valid) {
    points.add(mark.startOffset);
    points.add(mark.endOffset);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    const ids = valid.filter((mark) => mark.startOffset <= start && mark.endOffset >= end).map((mark) => mark.id);
    const previous = runs[runs.length - 1];
    if (previous && previous.ids.length === 0 && ids.length === 0) previous.end = end;
    else runs.push({ start, end, ids });
  }
  return runs;
}

/** The selection without the spaces and line breaks around it, or null when nothing is left. */
export function trimmedRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : null;
}
