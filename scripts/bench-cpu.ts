/**
 * CPU time spent by the app's processes and by its PostgreSQL backends, read from Linux's /proc.
 * On a machine shared with other work, latencies swing with the load; the CPU a request costs
 * does not, so the benchmarks report both. Null where /proc is not there.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for every architecture. */
const TICKS_PER_SECOND = 100;

export const cpuAccountingAvailable = existsSync("/proc/self/stat");

function stat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: fields start after the last ")".
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null; // gone
  }
}

/** `root` and every process under it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = stat(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (let queue = [root]; queue.length > 0;) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** User plus system CPU time of these processes so far, in milliseconds. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = stat(pid);
    // utime and stime are fields 14 and 15 of stat(5); here, counted from the state (field 3), 11 and 12.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Each process's CPU time so far, in milliseconds, by process id. */
export function cpuByProcess(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuMs([pid])]));
}

/**
 * CPU spent between two readings by the processes of the later one: a process that started in
 * between counts from zero. A process that ended in between took its time with it, such as a
 * PostgreSQL parallel worker, which lives for one query: summing whoever was there at each reading
 * gave negative figures for the search page.
 */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
