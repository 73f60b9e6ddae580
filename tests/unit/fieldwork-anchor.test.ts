import { describe, expect, it } from "vitest";
import {
  changedRegion,
  findNearest,
  isAnchored,
  reanchorExcerpts,
  splitsSurrogatePair,
  type ExcerptAnchor,
} from "@/lib/excerpts/anchor";

function excerptOf(text: string, quote: string, occurrence = 0): ExcerptAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { startOffset: start, endOffset: start + quote.length, quotedText: quote };
}

function reanchorOne(oldText: string, newText: string, excerpt: ExcerptAnchor) {
  const [result] = reanchorExcerpts(oldText, newText, [excerpt]);
  return {
    ...result!,
    anchored: isAnchored(newText, { ...excerpt, startOffset: result!.startOffset, endOffset: result!.endOffset }),
  };
}

const TEXT = "R-0001: Antes no había sindicato. Ahora votamos el contrato. Ahora cobramos a tiempo.";

describe("re-anchoring excerpts after a transcript edit", () => {
  it("keeps an excerpt when the text is unchanged", () => {
    const excerpt = excerptOf(TEXT, "votamos el contrato");
    expect(reanchorOne(TEXT, TEXT, excerpt)).toMatchObject({
      outcome: "KEPT",
      startOffset: excerpt.startOffset,
      anchored: true,
    });
  });

  it("moves an excerpt when text is inserted before it", () => {
    const excerpt = excerptOf(TEXT, "votamos el contrato");
    const edited = `[Audio 1, minuto 3] ${TEXT}`;
    const result = reanchorOne(TEXT, edited, excerpt);
    expect(result).toMatchObject({
      outcome: "MOVED",
      startOffset: excerpt.startOffset + 20,
      endOffset: excerpt.endOffset + 20,
      anchored: true,
    });
  });

  it("keeps an excerpt when text is inserted after it", () => {
    const excerpt = excerptOf(TEXT, "Antes no había sindicato");
    const edited = `${TEXT} Fin de la entrevista.`;
    expect(reanchorOne(TEXT, edited, excerpt)).toMatchObject({
      outcome: "KEPT",
      startOffset: excerpt.startOffset,
      anchored: true,
    });
  });

  it("moves an excerpt when text is deleted before it", () => {
    const excerpt = excerptOf(TEXT, "Ahora cobramos");
    const edited = TEXT.replace("Antes no había sindicato. ", "");
    expect(reanchorOne(TEXT, edited, excerpt)).toMatchObject({
      outcome: "MOVED",
      startOffset: excerpt.startOffset - 26,
      anchored: true,
    });
  });

  it("handles an insertion right at the excerpt's start or end", () => {
    const excerpt = excerptOf(TEXT, "votamos");
    const atStart = TEXT.replace("votamos", "(risas) votamos");
    expect(reanchorOne(TEXT, atStart, excerpt)).toMatchObject({
      outcome: "MOVED",
      startOffset: excerpt.startOffset + 8,
      anchored: true,
    });
    const atEnd = TEXT.replace("votamos", "votamos todos");
    expect(reanchorOne(TEXT, atEnd, excerpt)).toMatchObject({
      outcome: "KEPT",
      startOffset: excerpt.startOffset,
      anchored: true,
    });
  });

  it("marks an excerpt whose passage was changed inside as needing attention, keeping its offsets", () => {
    const excerpt = excerptOf(TEXT, "votamos el contrato");
    const edited = TEXT.replace("votamos el contrato", "votamos el nuevo contrato");
    const result = reanchorOne(TEXT, edited, excerpt);
    expect(result).toMatchObject({
      outcome: "NOT_FOUND",
      startOffset: excerpt.startOffset,
      endOffset: excerpt.endOffset,
      anchored: false,
    });
  });

  it("marks an excerpt whose passage was deleted as needing attention", () => {
    const excerpt = excerptOf(TEXT, "Ahora votamos el contrato.");
    const edited = TEXT.replace(" Ahora votamos el contrato.", "");
    const result = reanchorOne(TEXT, edited, excerpt);
    expect(result.outcome).toBe("NOT_FOUND");
    expect(result.anchored).toBe(false);
  });

  it("follows the right one of two identical passages when text is inserted before both", () => {
    const excerpt = excerptOf(TEXT, "Ahora", 1);
    const edited = `Entrevista 4. ${TEXT}`;
    const result = reanchorOne(TEXT, edited, excerpt);
    expect(result).toMatchObject({ outcome: "MOVED", startOffset: excerpt.startOffset + 14, anchored: true });
    expect(edited.indexOf("Ahora")).not.toBe(result.startOffset);
  });

  it("follows the right one of two identical passages when text is inserted between them", () => {
    const first = excerptOf(TEXT, "Ahora", 0);
    const second = excerptOf(TEXT, "Ahora", 1);
    const edited = TEXT.replace("el contrato.", "el contrato colectivo.");
    const [a, b] = reanchorExcerpts(TEXT, edited, [first, second]);
    expect(a).toMatchObject({ outcome: "KEPT", startOffset: first.startOffset });
    expect(b).toMatchObject({ outcome: "MOVED", startOffset: second.startOffset + 10 });
  });

  it("picks the nearest copy when a repeated passage is touched by the edit", () => {
    const text = "sí. sí. sí. fin";
    const excerpt = { startOffset: 4, endOffset: 7, quotedText: "sí." };
    // The edit rewrites the region around the excerpt; the nearest remaining copy is taken.
    const edited = "sí. no, sí. sí. fin";
    const result = reanchorOne(text, edited, excerpt);
    expect(result.anchored).toBe(true);
    expect(result.startOffset).toBe(8);
  });

  it("calls two equally near copies ambiguous and keeps the old offsets", () => {
    expect(findNearest("ab--ab", "ab", 2)).toBe("AMBIGUOUS");
    const excerpt = { startOffset: 3, endOffset: 5, quotedText: "ab" };
    const result = reanchorOne("xx ab xx", "ab xxxx ab", excerpt);
    expect(result).toMatchObject({ outcome: "AMBIGUOUS", startOffset: 3, endOffset: 5, anchored: false });
  });

  it("re-finds a drifted excerpt once its passage is back", () => {
    const drifted = { startOffset: 0, endOffset: 7, quotedText: "votamos" };
    expect(isAnchored(TEXT, drifted)).toBe(false);
    const edited = `${TEXT} `;
    expect(reanchorOne(TEXT, edited, drifted)).toMatchObject({
      outcome: "MOVED",
      startOffset: TEXT.indexOf("votamos"),
      anchored: true,
    });
  });

  it("counts emoji and other surrogate pairs as two code units", () => {
    const text = "Dijo 😀 y luego: ganamos la huelga 💪🏽.";
    const excerpt = excerptOf(text, "ganamos la huelga 💪🏽");
    expect(excerpt.endOffset - excerpt.startOffset).toBe("ganamos la huelga ".length + 4);
    const edited = text.replace("Dijo 😀", "Dijo 😀😀");
    const result = reanchorOne(text, edited, excerpt);
    expect(result).toMatchObject({ outcome: "MOVED", startOffset: excerpt.startOffset + 2, anchored: true });
  });

  it("never puts the edit boundary inside a surrogate pair", () => {
    // 😀 (D83D DE00) and 😃 (D83D DE03) share their first code unit.
    const region = changedRegion("a😀b", "a😃b");
    expect(region).toEqual({ prefix: 1, suffix: 1 });
    expect(splitsSurrogatePair("a😀b", 2)).toBe(true);
    expect(splitsSurrogatePair("a😀b", 1)).toBe(false);
    const excerpt = { startOffset: 3, endOffset: 4, quotedText: "b" };
    expect(reanchorOne("a😀b", "a😃b", excerpt)).toMatchObject({ outcome: "KEPT", startOffset: 3, anchored: true });
    const emoji = { startOffset: 1, endOffset: 3, quotedText: "😀" };
    expect(reanchorOne("a😀b", "a😃b", emoji)).toMatchObject({ outcome: "NOT_FOUND", anchored: false });
  });

  it("leaves every excerpt needing attention when the transcript is emptied", () => {
    const excerpt = excerptOf(TEXT, "votamos");
    expect(reanchorOne(TEXT, "", excerpt)).toMatchObject({ outcome: "NOT_FOUND", anchored: false });
  });

  it("re-anchors 200 excerpts in a 500,000-character transcript without searching the whole text for each", () => {
    const sentence = (i: number) => `Persona ${i}: en la asamblea ${i} votamos el contrato número ${i * 7}. `;
    let text = "";
    for (let i = 0; text.length < 500_000; i += 1) text += sentence(i);
    text = text.slice(0, 500_000);
    const excerpts = Array.from({ length: 200 }, (_, k) => {
      const quote = `en la asamblea ${k * 30 + 3} votamos`;
      return excerptOf(text, quote);
    });
    // An edit in the middle, and the end cut to stay within the limit: every excerpt after the
    // middle lies inside the edited region and has to be searched for.
    const middle = 250_000;
    const edited = `${text.slice(0, middle)}[inaudible] ${text.slice(middle)}`.slice(0, 500_000);
    const started = performance.now();
    const results = reanchorExcerpts(text, edited, excerpts);
    const elapsed = performance.now() - started;
    // About 50 ms here; searching the whole text per excerpt takes minutes. The bound only tells the
    // two apart, with room for a busy machine: speed itself is the benchmarks' business.
    expect(elapsed).toBeLessThan(5_000);
    const anchored = results.filter((r) =>
      isAnchored(edited, { ...r.excerpt, startOffset: r.startOffset, endOffset: r.endOffset }),
    );
    expect(anchored).toHaveLength(200);
    const after = excerpts.filter((excerpt) => excerpt.startOffset >= middle).length;
    expect(after).toBeGreaterThan(50);
    expect(results.filter((r) => r.outcome === "MOVED")).toHaveLength(after);
  });
});
