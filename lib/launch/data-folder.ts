/**
 * The embedded database's folder: its lock (one running copy per folder) and the secrets a
 * first-look install generates for itself so that it needs no configuration.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { keyRingFromEnv, type KeyRing } from "../crypto";

export class DataFolderInUseError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder for this process; throws when another live process holds it. */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "app.lock");
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new DataFolderInUseError(
        `The data folder ${dataDir} is in use by another running copy (process ${holder}). Stop it first, or set DATA_DIR to another folder.`,
      );
    }
    // A stale lock from a copy that did not shut down cleanly.
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

type DemoSecrets = { AUTH_SECRET: string; IDENTITY_ENCRYPTION_KEY: string };

/** Secrets for the embedded demo, created once and kept beside its data (mode 600). */
export function demoSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The file that holds the running embedded database's connection string. */
export function databaseUrlFile(dataDir: string): string {
  return path.join(dataDir, "database-url");
}

/**
 * Writes the embedded database's connection string beside its data (mode 600, like the secrets)
 * for as long as the app runs on it; returns the clean-up that removes it.
 */
export function publishDatabaseUrl(dataDir: string, url: string): () => void {
  const file = databaseUrlFile(dataDir);
  writeFileSync(file, url, { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

/**
 * The identity key ring a command-line script uses: IDENTITY_ENCRYPTION_KEY (and _PREVIOUS) when
 * set, else the embedded demo's generated key in DATA_DIR, if it has one yet.
 */
export function scriptKeyRing(env: Record<string, string | undefined>): KeyRing | null {
  if (env.IDENTITY_ENCRYPTION_KEY) return keyRingFromEnv(env);
  const file = path.join(path.resolve(env.DATA_DIR || ".data"), "secrets.json");
  if (env.DATABASE_URL || !existsSync(file)) return null;
  return keyRingFromEnv({
    ...env,
    IDENTITY_ENCRYPTION_KEY: (JSON.parse(readFileSync(file, "utf8")) as DemoSecrets).IDENTITY_ENCRYPTION_KEY,
  });
}
