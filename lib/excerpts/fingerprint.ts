import { createHash } from "node:crypto";

/** What an audit event says about a transcript: enough to prove a change, nothing readable. */
export type TranscriptFingerprint = { length: number; sha256: string } | null;

export function transcriptFingerprint(text: string | null | undefined): TranscriptFingerprint {
  if (!text) return null;
  return { length: text.length, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
}
