/**
 * The pure parts of the REFI-QDA export: XML escaping on hostile text, name-based GUIDs, and
 * UTF-16 offsets turned into code-point positions in the LF, BOM-free text the file holds.
 */
import { describe, expect, it } from "vitest";
import { projectGuids, uuidV5 } from "@/lib/exports/refi-qda/guids";
import { plainTextOf } from "@/lib/exports/refi-qda/plain-text";
import { element, textElement, xmlAttribute, xmlDocument, xmlText } from "@/lib/exports/refi-qda/xml";

describe("the XML writer", () => {
  it("escapes markup in text and attributes", () => {
    expect(xmlText(`<script>alert("x")</script> & ]]>`)).toBe(`&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt;`);
    expect(xmlAttribute(`a "quoted" <b> & 'c'`)).toBe(`a &quot;quoted&quot; &lt;b&gt; &amp; 'c'`);
  });

  it("keeps line breaks and tabs in attributes as references, which a parser would turn into spaces", () => {
    expect(xmlAttribute("one\ntwo\tthree\r")).toBe("one&#10;two&#9;three&#13;");
    expect(xmlText("one\ntwo")).toBe("one\ntwo");
  });

  it("replaces characters XML cannot carry, and keeps emoji whole", () => {
    expect(xmlText("a\u0000b\u0008c\u001Fd\uFFFEe")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
    expect(xmlText("lone \uD83D half and \uDC69 other")).toBe("lone \uFFFD half and \uFFFD other");
    expect(xmlText("👩🏽‍🏭 ok")).toBe("👩🏽‍🏭 ok");
  });

  it("writes a document with no byte-order mark, LF only, and refuses names that are not XML names", () => {
    const document = xmlDocument(
      element("Project", { name: 'x"y', missing: undefined, none: null }, [textElement("Description", "a<b")]),
    );
    expect(document).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Project name="x&quot;y">\n  <Description>a&lt;b</Description>\n</Project>\n',
    );
    expect(document.charCodeAt(0)).toBe(0x3c);
    expect(document).not.toContain("\r");
    expect(() => xmlDocument(element("bad name"))).toThrow(/not an XML name/);
    expect(() => xmlDocument(element("Ok", { 'x="1" y': "2" }))).toThrow(/not an XML name/);
  });
});

describe("GUIDs", () => {
  it("are RFC 9562 version-5 UUIDs (the standard's own example)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("are the same for the same record and differ between evaluations and kinds", () => {
    const mine = projectGuids("evaluation-a");
    expect(mine("case", "r1")).toBe(projectGuids("evaluation-a")("case", "r1"));
    expect(mine("case", "r1")).not.toBe(projectGuids("evaluation-b")("case", "r1"));
    expect(mine("case", "r1")).not.toBe(mine("note", "r1"));
    // The parts are separated, so ("ab", "c") and ("a", "bc") cannot collide.
    expect(mine("source", "ab", "c")).not.toBe(mine("source", "a", "bc"));
    expect(mine("case", "r1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("positions in the exported text", () => {
  it("counts code points: an emoji before a passage is one position, not two", () => {
    const stored = "Ella 👩🏽‍🏭 dijo: nos pagaron.";
    const start = stored.indexOf("nos");
    const plain = plainTextOf(stored);
    const position = plain.positionOf(start);
    expect(position).toBe([...stored.slice(0, start)].length);
    expect(position).toBeLessThan(start);
    expect([...plain.text].slice(position, plain.positionOf(start + 3)).join("")).toBe("nos");
    expect(plain.length).toBe([...stored].length);
  });

  it("writes LF line endings and no byte-order mark, and moves positions after them", () => {
    const stored = "\uFEFFuno\r\ndos\rtres\n😀cuatro";
    const plain = plainTextOf(stored);
    expect(plain.text).toBe("uno\ndos\ntres\n😀cuatro");
    for (const word of ["uno", "dos", "tres", "cuatro"]) {
      const start = stored.indexOf(word);
      const position = plain.positionOf(start);
      expect([...plain.text].slice(position, position + word.length).join("")).toBe(word);
      expect(plain.positionOf(start + word.length) - position).toBe(word.length);
    }
    expect(plain.positionOf(stored.length)).toBe([...plain.text].length);
  });

  it("refuses an offset outside the transcript", () => {
    const plain = plainTextOf("abc");
    expect(() => plain.positionOf(4)).toThrow(RangeError);
    expect(() => plain.positionOf(-1)).toThrow(RangeError);
    expect(() => plain.positionOf(1.5)).toThrow(RangeError);
  });
});
