/**
 * Whether a process still exists, asked with signal 0 (which checks without sending anything).
 * The launch tests use it to prove that stopping the app left no worker or database behind.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
