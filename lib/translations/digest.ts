/**
 * The fingerprint of a source text a translation was made from. md5 because PostgreSQL's md5()
 * gives the same value, so an analyst can find stale translations by hand; it detects change and
 * is not a security measure.
 */
import { createHash } from "node:crypto";

export function sourceDigest(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}
