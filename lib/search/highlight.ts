/**
 * Highlighted search excerpts without HTML. PostgreSQL's `ts_headline` marks matches with two
 * private-use characters (never HTML tags); the page splits on them and renders each marked part
 * as a `<mark>` text node, so a story or transcript containing `<script>` stays plain text.
 * Both characters are removed from the source text before `ts_headline` sees it, so stored text
 * cannot fake a highlight either.
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export type HighlightPart = { text: string; mark: boolean };

/** "a \uE000b\uE001 c" → [{a }, {b, mark}, { c}]; a stray or unbalanced sentinel is dropped. */
export function splitHighlight(headline: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text) parts.push({ text, mark: marked });
    text = "";
  };
  for (const char of headline) {
    if (char === MARK_START || char === MARK_END) {
      const opening = char === MARK_START;
      if (opening !== marked) {
        flush();
        marked = opening;
      }
      continue;
    }
    text += char;
  }
  flush();
  return parts;
}

/** True when at least one part is marked (the text really matched). */
export function hasMatch(parts: HighlightPart[]): boolean {
  return parts.some((part) => part.mark);
}
