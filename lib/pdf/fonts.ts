/**
 * The one typeface of every PDF the app writes (the learning brief, the validation sheets): Noto
 * Sans, embedded (OFL; covers Spanish and the letters of indigenous-language orthographies). The
 * standard PDF fonts are not embedded, which PDF/UA forbids, and cover only WinAnsi.
 */
import { createRequire } from "node:module";
import path from "node:path";

const FONT_FILES = {
  body: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
  italic: "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
} as const;

export type PdfFont = keyof typeof FONT_FILES;

/** From the project's own node_modules, resolved as Node does, whichever folder the server runs in. */
function fontPath(file: string): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return require.resolve(`@expo-google-fonts/noto-sans/${file}`);
}

/** Registers "body", "bold" and "italic" on the document and starts it in "body". */
export function useNotoSans(doc: PDFKit.PDFDocument, size: number): void {
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, fontPath(file));
  doc.font("body").fontSize(size);
}

/** PDF/UA wants the document's language as a BCP 47 tag with its region. */
export const PDF_LANGUAGE = { es: "es-MX", en: "en-US" } as const;
