/**
 * Checks an uploaded file by its CONTENT, never by its name or the browser's declared type: a
 * program or a web page renamed to ".pdf" is refused, and so is anything a browser could run
 * (HTML, SVG with script). Binary types are recognised by their signature (`file-type`); a CSV
 * has none, so it is accepted only when named .csv, valid UTF-8 and free of markup and NUL bytes.
 * Pure apart from hashing; reusable by any upload (evidence attachments first).
 */
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";

import {
  ALLOWED_UPLOAD_TYPES,
  MAX_FILE_NAME_LENGTH,
  MAX_UPLOAD_BYTES,
  type AllowedMimeType,
} from "./file-check-limits";

export { ALLOWED_UPLOAD_TYPES, MAX_FILE_NAME_LENGTH, MAX_UPLOAD_BYTES, type AllowedMimeType };

export type UploadRefusal =
  "FILE_EMPTY" | "FILE_TOO_LARGE" | "FILE_TYPE_NOT_ALLOWED" | "FILE_HOSTILE" | "FILE_NAME_INVALID";

export type CheckedUpload = {
  ok: true;
  fileName: string;
  mimeType: AllowedMimeType;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
};

/** Markup a browser would render or run; checked on the first bytes of text-like files. */
const MARKUP = /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|img|a\s)/i;

/**
 * The name as stored and offered on download: no folders, no control or reserved characters,
 * and the extension of the detected type (a PNG sent as "photo.pdf" is kept as "photo.png").
 */
export function safeFileName(name: string, extension: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  const stem = cleaned
    .replace(/\.[^.]*$/, "")
    .replace(/^\.+/, "")
    .trim();
  if (!stem) return null;
  return `${stem.slice(0, MAX_FILE_NAME_LENGTH - extension.length - 1)}.${extension}`;
}

function isCsvText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !text.includes("\u0000");
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 4096));
  return MARKUP.test(head);
}

export async function checkUpload(
  bytes: Uint8Array<ArrayBuffer>,
  declaredName: string,
  maxBytes: number = MAX_UPLOAD_BYTES,
): Promise<CheckedUpload | { ok: false; reason: UploadRefusal }> {
  if (bytes.byteLength === 0) return { ok: false, reason: "FILE_EMPTY" };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: "FILE_TOO_LARGE" };

  const detected = await fileTypeFromBuffer(bytes);
  let mimeType: AllowedMimeType;
  if (detected) {
    if (detected.mime === "application/xml" || detected.ext === "xml" || detected.ext === "html")
      return { ok: false, reason: "FILE_HOSTILE" };
    if (!(detected.mime in ALLOWED_UPLOAD_TYPES) || detected.mime === "text/csv")
      return { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
    mimeType = detected.mime as AllowedMimeType;
  } else {
    // No signature: only a CSV may be plain text, and markup is refused whatever the name says.
    if (looksLikeMarkup(bytes)) return { ok: false, reason: "FILE_HOSTILE" };
    if (!/\.csv$/i.test(declaredName.trim()) || !isCsvText(bytes))
      return { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
    mimeType = "text/csv";
  }

  const fileName = safeFileName(declaredName, ALLOWED_UPLOAD_TYPES[mimeType]);
  if (!fileName) return { ok: false, reason: "FILE_NAME_INVALID" };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { ok: true, fileName, mimeType, sizeBytes: bytes.byteLength, sha256, content: bytes };
}

/** Reads a File from a form, refusing an oversized one before its bytes are read. */
export async function readUpload(file: File, maxBytes: number = MAX_UPLOAD_BYTES): ReturnType<typeof checkUpload> {
  if (file.size === 0) return { ok: false, reason: "FILE_EMPTY" };
  if (file.size > maxBytes) return { ok: false, reason: "FILE_TOO_LARGE" };
  return checkUpload(new Uint8Array(await file.arrayBuffer()), file.name, maxBytes);
}
