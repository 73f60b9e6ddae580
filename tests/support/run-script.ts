/**
 * Runs scripts/<name>.ts as `npm run` does on a server (tsx, and scripts/server-side.mjs for
 * `server-only`) with a bare environment: PATH and HOME and what the test gives, nothing
 * inherited, so a test sees exactly what a missing or wrong setting does. Resolves with the exit
 * code and what it printed on either stream, trimmed.
 */
import { spawn } from "node:child_process";

export type ScriptRun = { code: number | null; output: string };

export function runScript(name: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/server-side.mjs", `scripts/${name}.ts`, ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output: output.trim() }));
  });
}
