/**
 * The database a command-line script works on: DATABASE_URL when it is set, otherwise the
 * embedded database in DATA_DIR, locked so that it cannot run beside the app on that folder
 * (DataFolderInUseError). `close` stops the embedded database and frees the folder.
 */
import path from "node:path";
import { startEmbeddedDatabase } from "../db/embedded";
import { lockDataFolder } from "./data-folder";

export type ScriptDatabase = { url: string; embedded: boolean; close(): Promise<void> };

export async function openScriptDatabase(env: { DATABASE_URL?: string; DATA_DIR: string }): Promise<ScriptDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, close: async () => {} };
  const dataDir = path.resolve(env.DATA_DIR);
  const unlock = lockDataFolder(dataDir);
  try {
    const database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pgdata") });
    return {
      url: database.url,
      embedded: true,
      async close() {
        try {
          await database.stop();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
