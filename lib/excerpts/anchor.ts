/**
 * Keeping excerpts on their passage when a transcript is edited. Pure: no database, no React.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), end exclusive, as stored.
 * An excerpt is "anchored" when `text.slice(start, end) === quotedText`; otherwise it needs
 * attention (there is no column for that: every reader applies `isAnchored`).
 *
 * Re-anchoring after an edit:
 * 1. The edit is located as the part between the longest common prefix and suffix of the old
 *    and new text. An anchored excerpt wholly before it keeps its offsets; one wholly after it
 *    moves by the length difference. This is what keeps the right one of two identical passages.
 * 2. Any other excerpt (touching the edit, or already drifted) is searched for: the exact quoted
 *    text nearest to where the old position maps in the new text. Two matches equally near are
 *    ambiguous; ambiguous or missing, the excerpt keeps its old offsets and so needs attention.
 */

export type ExcerptAnchor = { startOffset: number; endOffset: number; quotedText: string };

export type Reanchored<T extends ExcerptAnchor> = {
  excerpt: T;
  startOffset: number;
  endOffset: number;
  /** "KEPT" and "MOVED" are anchored in the new text; the other two need attention. */
  outcome: "KEPT" | "MOVED" | "NOT_FOUND" | "AMBIGUOUS";
};

export function isAnchored(text: string | null | undefined, excerpt: ExcerptAnchor): boolean {
  return (
    typeof text === "string" &&
    excerpt.quotedText.length > 0 &&
    text.slice(excerpt.startOffset, excerpt.endOffset) === excerpt.quotedText
  );
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (e.g. inside an emoji). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** The edited region: [prefix, oldLength - suffix) in the old text became [prefix, newLength - suffix). */
export function changedRegion(oldText: string, newText: string): { prefix: number; suffix: number } {
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  // Never end the shared part inside a surrogate pair: the pair belongs to the edit.
  if (splitsSurrogatePair(oldText, prefix) || splitsSurrogatePair(newText, prefix)) prefix -= 1;
  let suffix = 0;
  const maxSuffix = limit - prefix;
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (splitsSurrogatePair(oldText, oldText.length - suffix) || splitsSurrogatePair(newText, newText.length - suffix))
    suffix -= 1;
  return { prefix, suffix };
}

/** Where an old offset most likely is in the new text. */
function mapOffset(
  offset: number,
  oldLength: number,
  newLength: number,
  region: { prefix: number; suffix: number },
): number {
  const oldEnd = oldLength - region.suffix;
  const newEnd = newLength - region.suffix;
  if (offset <= region.prefix) return offset;
  if (offset >= oldEnd) return offset + (newLength - oldLength);
  // Inside the edit: the same proportion of the way through it.
  const oldSpan = oldEnd - region.prefix;
  const newSpan = newEnd - region.prefix;
  return region.prefix + Math.round(((offset - region.prefix) * newSpan) / Math.max(oldSpan, 1));
}

/** The start of the occurrence of `quote` nearest to `around`, or why there is none. */
export function findNearest(text: string, quote: string, around: number): number | "NOT_FOUND" | "AMBIGUOUS" {
  if (quote.length === 0) return "NOT_FOUND";
  const from = Math.max(0, Math.min(around, text.length));
  const after = text.indexOf(quote, from);
  const before = from > 0 ? text.lastIndexOf(quote, from - 1) : -1;
  if (after < 0 && before < 0) return "NOT_FOUND";
  if (before < 0) return after;
  if (after < 0) return before;
  const distanceAfter = after - around;
  const distanceBefore = around - before;
  if (distanceAfter === distanceBefore) return "AMBIGUOUS";
  return distanceAfter < distanceBefore ? after : before;
}

export function reanchorExcerpts<T extends ExcerptAnchor>(
  oldText: string,
  newText: string,
  excerpts: readonly T[],
): Reanchored<T>[] {
  if (oldText === newText) {
    return excerpts.map((excerpt) => ({
      excerpt,
      startOffset: excerpt.startOffset,
      endOffset: excerpt.endOffset,
      outcome: "KEPT",
    }));
  }
  const region = changedRegion(oldText, newText);
  const oldEditEnd = oldText.length - region.suffix;
  const shift = newText.length - oldText.length;

  return excerpts.map((excerpt): Reanchored<T> => {
    const { startOffset, endOffset, quotedText } = excerpt;
    if (isAnchored(oldText, excerpt)) {
      if (endOffset <= region.prefix) return { excerpt, startOffset, endOffset, outcome: "KEPT" };
      if (startOffset >= oldEditEnd) {
        return {
          excerpt,
          startOffset: startOffset + shift,
          endOffset: endOffset + shift,
          outcome: shift === 0 ? "KEPT" : "MOVED",
        };
      }
    }
    const found = findNearest(newText, quotedText, mapOffset(startOffset, oldText.length, newText.length, region));
    if (typeof found !== "number") return { excerpt, startOffset, endOffset, outcome: found };
    const moved = found !== startOffset || found + quotedText.length !== endOffset;
    return { excerpt, startOffset: found, endOffset: found + quotedText.length, outcome: moved ? "MOVED" : "KEPT" };
  });
}
