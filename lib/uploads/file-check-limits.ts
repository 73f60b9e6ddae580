/** Upload limits shared by the server's checks and the browser's early size check (no Node modules here). */
import limits from "@/lib/request-limits.json";

/** The kinds of file an upload may hold, by the type detected from the content, with the extension stored. */
export const ALLOWED_UPLOAD_TYPES = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/csv": "csv",
} as const;

export type AllowedMimeType = keyof typeof ALLOWED_UPLOAD_TYPES;

/** A scanned report or a spreadsheet export (10 MB); lib/request-limits.json states it once. */
export const MAX_UPLOAD_BYTES = limits.uploadMegabytes * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 200;
