/**
 * The Debian tools the document tests open files with: poppler (pdfinfo, pdffonts, pdftotext) and
 * LibreOffice. `.ci/run` installs both; a test that needs a missing one fails and says which
 * package to install, rather than passing without having looked.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";

function run(tool: string, args: string[], missing: string, timeout = 60_000): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", timeout, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is missing: ${missing}`, { cause: error });
    throw error;
  }
}

export function poppler(tool: "pdfinfo" | "pdffonts" | "pdftotext", args: string[]): string {
  return run(tool, args, "install Debian's poppler-utils (.ci/run does) to check a PDF");
}

/**
 * Every font of the PDF is Noto Sans, embedded and subset (pdffonts' emb and sub columns), so
 * the reader's own fonts never stand in for accented letters; a PDF with no font at all fails.
 */
export function expectOnlyEmbeddedNotoSans(where: string): void {
  const fonts = poppler("pdffonts", [where])
    .split("\n")
    .slice(2)
    .filter((line) => line.trim());
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line, line).toMatch(/NotoSans.*\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
}

/**
 * Converts a Word file to PDF with LibreOffice, as Word-compatible software opens it, and returns
 * the PDF's path. Each call gets its own profile folder: two conversions at once would otherwise
 * share (and lock) one profile.
 */
export function convertWithLibreOffice(file: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  try {
    run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        file,
      ],
      "install Debian's libreoffice-writer-nogui (.ci/run does) to open a Word file",
      180_000,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
}
