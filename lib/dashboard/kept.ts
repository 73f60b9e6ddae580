/**
 * The dashboard's counts, kept by each server process until the evaluation changes (decision 0050).
 *
 * Every change to an evaluation's records appends an event to its audit chain in the same
 * transaction (lib/audit.ts), and installation-wide changes (users, sign-ins) to the
 * installation's chain. The two chains' newest hashes therefore name the state a count was read
 * from: a count kept under them is right for as long as both heads stay where they are, and the
 * first request after any change reads afresh. The head is read before the counts, so a change
 * committed in between can only make the kept counts newer than their key, never older.
 *
 * What is kept is the counts as read from the database, before the reader's policy (small cells,
 * totals) is applied: the key holds everything the reading depended on (filters, stages, the
 * reader's story scope), so two readers share an entry only when they would read the same rows.
 * A kept result is shared between requests and must not be changed by its callers.
 */
import "server-only";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import { foldStoryCounts, readChangeMark } from "./data";

/**
 * A few hundred filter combinations per process at most, each a few kilobytes to a few hundred.
 * The time limit bounds how long a change made outside the app's own writes (by hand in SQL) can
 * go unseen.
 */
const kept = new LRUCache<string, Promise<unknown>>({ max: 300, ttl: 10 * 60_000 });

/** Once per request: every count of one page is read under the same mark. */
const changeMark = cache((evaluationId: string) => readChangeMark(evaluationId));

/**
 * `read` as it would answer now, from this process's memory when nothing has changed since it last
 * answered. Concurrent requests for the same counts wait for one reading; a failed reading is
 * forgotten at once.
 */
async function keptUntilChange<T>(
  evaluationId: string,
  what: string,
  dependsOn: unknown,
  read: () => Promise<T>,
): Promise<T> {
  const mark = await changeMark(evaluationId);
  const key = JSON.stringify([evaluationId, mark, what, dependsOn]);
  const known = kept.get(key) as Promise<T> | undefined;
  if (known) return known;
  // Reading afresh: the story counts' waiting rows are folded first when many have gathered.
  const reading = foldStoryCounts(evaluationId).then(read);
  kept.set(key, reading);
  reading.catch(() => kept.delete(key));
  return reading;
}

/** `keptUntilChange` for one loader's readings, which all depend on the same filters and scope. */
export function keeperFor(evaluationId: string, dependsOn: unknown) {
  return <T>(what: string, read: () => Promise<T>) => keptUntilChange(evaluationId, what, dependsOn, read);
}
