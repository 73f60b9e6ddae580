/**
 * A chart's SVG as a PNG, rendered on the server by resvg (decision 0045): the same SVG the SVG
 * download holds, under its title and one-sentence summary drawn as text (a picture pasted into a
 * report keeps what it shows), with both also written into the file as iTXt chunks ("Title",
 * "Description") for readers that show image metadata. Text is set in Noto Sans, the app's PDF
 * typeface, from the project's own files, so the result does not depend on the server's fonts.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { crc32 } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";

const WIDTH = 1200;
const MARGIN = 24;

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function fontFiles(): string[] {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return ["400Regular/NotoSans_400Regular.ttf", "700Bold/NotoSans_700Bold.ttf"].map((file) =>
    require.resolve(`@expo-google-fonts/noto-sans/${file}`),
  );
}

/** Words into lines of at most `limit` characters (no measuring: a margin covers wide letters). */
function wrap(text: string, limit: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart under its title and summary, as one SVG of WIDTH pixels. */
export function framedSvg(svg: string, words: { title: string; summary: string }): { svg: string; height: number } {
  const inner = svg.replace(/^<\?xml[^>]*>\s*/, "");
  const viewBox = /viewBox="([^"]+)"/.exec(inner)?.[1]?.split(/\s+/).map(Number) ?? [0, 0, WIDTH, WIDTH];
  const [, , boxWidth = WIDTH, boxHeight = WIDTH] = viewBox;
  const chartWidth = WIDTH - 2 * MARGIN;
  const chartHeight = Math.round((chartWidth * boxHeight) / boxWidth);
  const summary = wrap(words.summary, 110);
  const chartTop = MARGIN + 34 + summary.length * 24 + 16;
  const height = chartTop + chartHeight + MARGIN;
  const placed = inner.replace(
    /^<svg\b/,
    `<svg x="${MARGIN}" y="${chartTop}" width="${chartWidth}" height="${chartHeight}"`,
  );
  return {
    height,
    svg: [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
      `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
      `<text x="${MARGIN}" y="${MARGIN + 22}" font-size="24" font-weight="bold" fill="#1a1a1a">${escape(words.title)}</text>`,
      ...summary.map(
        (line, index) =>
          `<text x="${MARGIN}" y="${MARGIN + 58 + index * 24}" font-size="17" fill="#1a1a1a">${escape(line)}</text>`,
      ),
      placed,
      `</svg>`,
    ].join("\n"),
  };
}

/** An iTXt chunk (UTF-8 text, uncompressed): Spanish titles keep their accents. */
function textChunk(keyword: string, text: string): Buffer {
  const data = Buffer.concat([
    Buffer.from(keyword, "latin1"),
    Buffer.from([0, 0, 0, 0, 0]), // end of keyword, no compression, method 0, no language, no translated keyword
    Buffer.from(text, "utf8"),
  ]);
  const type = Buffer.from("iTXt", "latin1");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0);
  return Buffer.concat([length, type, data, crc]);
}

export function chartPng(svg: string, words: { title: string; summary: string }): Buffer {
  const framed = framedSvg(svg, words);
  const png = new Resvg(framed.svg, {
    fitTo: { mode: "original" },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: "Noto Sans" },
  })
    .render()
    .asPng();
  // The 8-byte signature and the 25-byte IHDR chunk come first; the text chunks go right after.
  const head = 8 + 25;
  return Buffer.concat([
    png.subarray(0, head),
    textChunk("Title", words.title),
    textChunk("Description", words.summary),
    png.subarray(head),
  ]);
}
