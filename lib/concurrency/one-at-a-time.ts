/**
 * Runs work for the same key one after another within this process.
 *
 * Why: a transaction that waits on a row or advisory lock still holds one of the pool's few
 * connections. When one person's double click and retry arrive together, all but the first would
 * sit on connections doing nothing while others queue for one (and, under a burst, time out).
 * Queuing them here first keeps the pool for work that can progress; the database lock stays the
 * guarantee across processes.
 */
const tails = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const turn = before.then(work, work);
  const tail = turn.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  try {
    return await turn;
  } finally {
    // The last in line cleans up, so the map holds only keys with work in flight.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
