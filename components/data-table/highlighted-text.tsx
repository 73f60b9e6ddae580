import type { HighlightPart } from "@/lib/search/highlight";

/**
 * A search excerpt: marked parts in `<mark>`, everything as text nodes (React escapes them), so a
 * stored `<script>` is shown, never run. No `dangerouslySetInnerHTML` anywhere.
 */
export function HighlightedText({
  parts,
  lang,
  className,
}: {
  parts: HighlightPart[];
  lang?: string;
  className?: string;
}) {
  return (
    <span lang={lang} className={className}>
      {parts.map((part, index) =>
        part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
