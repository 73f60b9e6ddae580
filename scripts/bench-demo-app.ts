/**
 * The demo app as the benchmarks that measure its start and pages run it: `npm start` on a fresh
 * embedded database in a scratch folder. No module of the app is imported here, so a script run
 * without the server-side loader (bench:start) can use it.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A new scratch data folder (the caller removes it) and the environment that puts the demo in it,
 * the audit checkpoints too: a checkpoint file the shell names for the checkout is signed with
 * another key, and the app would report it cannot write there.
 */
export function scratchDemoApp(port: number, prefix: string): { dataDir: string; env: NodeJS.ProcessEnv } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dataDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      AUDIT_CHECKPOINT_FILE: path.join(dataDir, "audit-checkpoints.jsonl"),
    },
  };
}
