/**
 * Reading the dashboard's chart downloads back as files: an SVG through a real XML parser
 * (xmllint, as the REFI-QDA tests use; malformed XML throws), a PNG by its signature and chunks.
 */
import { execFileSync } from "node:child_process";

/** The value of an XPath expression over the SVG; element names are matched by local name. */
export function svgQuery(svg: string, xpath: string): string {
  return execFileSync("xmllint", ["--nonet", "--xpath", xpath, "-"], { input: svg, encoding: "utf8" }).trim();
}

/** `//svg:rect` without the namespace: `el("rect")` → `*[local-name()='rect']`. */
export const el = (name: string) => `*[local-name()='${name}']`;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG's chunks in order; throws when the signature is not a PNG's. */
export function pngChunks(bytes: Buffer): Array<{ type: string; data: Buffer }> {
  if (!SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new Error("not a PNG signature");
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    chunks.push({ type: bytes.toString("latin1", at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}
