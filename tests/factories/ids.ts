/**
 * Ids and unique values for builders. Ids are made here rather than by the database so that a
 * whole graph of rows can be written with one `createMany` per table.
 */
import { randomBytes } from "node:crypto";
import { isCalendarDay, utcMidnight } from "@/lib/core/calendar-day";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
let counter = randomBytes(2).readUInt16BE(0);

/** A collision-resistant id in the shape of Prisma's `cuid()`: 25 lower-case letters and digits. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const random = Array.from(randomBytes(12), (byte) => ALPHABET[byte % 36]).join("");
  return `c${time}${count}${random}`;
}

let sequence = 0;

/** 1, 2, 3... per process: default positions, code numbers and names that never collide. */
export function nextSequence(): number {
  sequence += 1;
  return sequence;
}

/**
 * The calendar day as a `@db.Date` value (midnight UTC). Unlike `utcMidnight`, a mistyped day
 * throws here instead of becoming an invalid date that a builder would write.
 */
export function day(isoDate: string): Date {
  if (!isCalendarDay(isoDate)) throw new Error(`day: expected an existing YYYY-MM-DD, got "${isoDate}"`);
  return utcMidnight(isoDate);
}

/** The instant n whole days (of 24 hours) from now; negative n for the past. */
export function inDays(n: number): Date {
  return new Date(Date.now() + n * 86_400_000);
}

/** Row input with its id chosen, so other rows can point at it before anything is written. */
export type WithId<T> = T & { id: string };

/** The required fields of T (usually foreign keys) plus any overrides. */
export type BuildInput<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;
