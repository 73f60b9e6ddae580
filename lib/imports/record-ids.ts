import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
let counter = randomBytes(2).readUInt16BE(0);

/**
 * An id in the shape of Prisma's cuid(), chosen before writing so that a chunk of records, their
 * child rows, sealed identities (bound to the id) and audit events go in with one insert per table.
 */
export function newRecordId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const random = Array.from(randomBytes(12), (byte) => ALPHABET[byte % 36]).join("");
  return `c${time}${counter.toString(36).padStart(4, "0")}${random}`;
}
