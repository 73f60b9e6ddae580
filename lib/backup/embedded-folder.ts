/**
 * The embedded database's folder during a backup or restore. A backup reads the running app's
 * database through the address it publishes (DATA_DIR/database-url), or opens the folder itself
 * when the app is stopped; a restore needs the app stopped.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "../db/embedded";
import { databaseUrlFile, DataFolderInUseError, lockDataFolder } from "../launch/data-folder";
import { BackupError, putInPlace } from "./folder";

export const DEMO_SECRETS = "secrets.json";

export async function openEmbeddedForBackup(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  let unlock: () => void;
  try {
    unlock = lockDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    const published = databaseUrlFile(dataDir);
    if (!existsSync(published))
      throw new BackupError(`The app is starting or stopping on ${dataDir}; run the backup again in a minute.`);
    return { url: readFileSync(published, "utf8").trim(), close: async () => {} };
  }
  try {
    if (!existsSync(path.join(dataDir, "pgdata")))
      throw new BackupError(`There is no embedded database in ${dataDir} to back up.`);
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
    return {
      url: database.url,
      close: async () => {
        await database.stop();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * The demo's generated secrets go with its backup: they already live beside its data, and
 * without them the restored identities cannot be read. (A PostgreSQL backup never holds keys.)
 */
export function saveDemoSecrets(dataDir: string, folder: string): string[] {
  const source = path.join(dataDir, DEMO_SECRETS);
  if (!existsSync(source)) return [];
  putInPlace(source, path.join(folder, DEMO_SECRETS));
  return [DEMO_SECRETS];
}

/** Takes the folder for a restore and moves the current database aside; returns where it went. */
export function prepareEmbeddedRestore(
  dataDir: string,
  now = new Date(),
): { unlock: () => void; keptAs: string | null } {
  let unlock: () => void;
  try {
    unlock = lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUseError)
      throw new BackupError(`${error.message.replace(/ Stop it first.*$/, "")} Stop the app before restoring.`);
    throw error;
  }
  const pgdata = path.join(dataDir, "pgdata");
  let keptAs: string | null = null;
  if (existsSync(pgdata)) {
    keptAs = `${pgdata}.before-restore-${now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}`;
    renameSync(pgdata, keptAs);
  }
  return { unlock, keptAs };
}
