/**
 * A transcript as the QDA programs read it, and where the app's passages fall in it.
 *
 * The app stores excerpt offsets as JavaScript string indices (UTF-16 code units); REFI-QDA
 * positions count Unicode code points in the text file. The two differ after every character
 * outside the Basic Multilingual Plane (an emoji is two units, one code point). The file also
 * gets LF line endings and no byte-order mark, as importers expect: a CRLF becomes one LF, so
 * positions after it shift too. The map below answers both at once.
 */

export type PlainText = {
  /** The text written to `sources/<guid>.txt`: LF line endings, no byte-order mark. */
  text: string;
  /** Its length in code points (the largest valid position). */
  length: number;
  /** The code-point position in `text` of a UTF-16 offset into the stored transcript. */
  positionOf(utf16Offset: number): number;
};

export function plainTextOf(stored: string): PlainText {
  // positions[i] = code points written before stored[i]; one more entry for the end.
  const positions = new Uint32Array(stored.length + 1);
  const parts: string[] = [];
  let written = 0;
  let index = 0;
  let chunkStart = 0;
  const flush = (end: number) => {
    if (end > chunkStart) parts.push(stored.slice(chunkStart, end));
  };
  while (index < stored.length) {
    const unit = stored.charCodeAt(index);
    positions[index] = written;
    if (index === 0 && unit === 0xfeff) {
      // A byte-order mark at the start is not text: importers break on it.
      index += 1;
      chunkStart = index;
      continue;
    }
    if (unit === 0x0d) {
      flush(index);
      parts.push("\n");
      written += 1;
      if (stored.charCodeAt(index + 1) === 0x0a) {
        // The LF of a CRLF is the same line break: an offset between the two points at its start.
        positions[index + 1] = written - 1;
        index += 1;
      }
      index += 1;
      chunkStart = index;
      continue;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < stored.length) {
      const next = stored.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // The second half of a pair is not a position of its own.
        positions[index + 1] = written;
        written += 1;
        index += 2;
        continue;
      }
    }
    written += 1;
    index += 1;
  }
  flush(stored.length);
  positions[stored.length] = written;
  return {
    text: parts.join(""),
    length: written,
    positionOf(utf16Offset: number) {
      if (!Number.isInteger(utf16Offset) || utf16Offset < 0 || utf16Offset > stored.length)
        throw new RangeError(`offset ${utf16Offset} is outside the transcript`);
      return positions[utf16Offset]!;
    },
  };
}
