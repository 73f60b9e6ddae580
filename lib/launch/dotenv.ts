import { existsSync } from "node:fs";

/** Reads `.env` into the environment of a command-line script, when there is one; set variables win. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
