/**
 * Reading a .qdpx back in tests: its entries (with the raw DOS times of the local headers),
 * xmllint against the REFI-QDA schema copied into tests/fixtures, and the elements of project.qde.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";

export const PROJECT_XSD = path.resolve(__dirname, "../fixtures/standards/refi-qda/Project.xsd");

export type QdpxEntry = { name: string; dir: boolean; bytes: Buffer };

export async function qdpxEntries(body: Buffer): Promise<QdpxEntry[]> {
  const zip = await JSZip.loadAsync(body);
  return Promise.all(
    Object.values(zip.files).map(async (file) => ({
      name: file.name,
      dir: file.dir,
      bytes: file.dir ? Buffer.alloc(0) : await file.async("nodebuffer"),
    })),
  );
}

/** The DOS time and date of every local file header, read from the bytes (JSZip would convert them). */
export function entryTimes(body: Buffer): Array<{ time: number; date: number }> {
  const found: Array<{ time: number; date: number }> = [];
  for (
    let at = body.indexOf("PK\u0003\u0004", 0, "latin1");
    at >= 0;
    at = body.indexOf("PK\u0003\u0004", at + 4, "latin1")
  ) {
    found.push({ time: body.readUInt16LE(at + 10), date: body.readUInt16LE(at + 12) });
  }
  return found;
}

/** xmllint's verdict on project.qde; throws a clear message when xmllint is not installed. */
export function validateAgainstSchema(projectQde: Buffer): { ok: boolean; output: string } {
  const where = path.join(mkdtempSync(path.join(tmpdir(), "qdpx-")), "project.qde");
  writeFileSync(where, projectQde);
  try {
    const output = execFileSync("xmllint", ["--noout", "--schema", PROJECT_XSD, where], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (failure.code === "ENOENT")
      throw new Error(
        "xmllint is missing: install Debian's libxml2-utils (.ci/run does) to check the REFI-QDA project against its schema",
        { cause: error },
      );
    return { ok: false, output: String(failure.stderr ?? failure.message) };
  }
}

const unescape = (value: string) =>
  value.replace(
    /&(#10|#9|#13|quot|lt|gt|amp);/g,
    (_, name: string) => ({ "#10": "\n", "#9": "\t", "#13": "\r", quot: '"', lt: "<", gt: ">", amp: "&" })[name]!,
  );

/** Every start tag of project.qde with its attributes (the file is checked against the schema separately). */
export function elementsOf(xml: string): Array<{ name: string; attributes: Record<string, string> }> {
  return [...xml.matchAll(/<([A-Za-z]+)((?:\s+[A-Za-z]+="[^"]*")*)\s*\/?>/g)].map(([, name = "", attributes = ""]) => ({
    name,
    attributes: Object.fromEntries(
      [...attributes.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, key = "", value = ""]) => [key, unescape(value)]),
    ),
  }));
}
