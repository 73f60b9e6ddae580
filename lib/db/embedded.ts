/**
 * The embedded database: PostgreSQL compiled to WebAssembly (PGlite), served over the
 * PostgreSQL wire protocol on a local port so the app, Prisma and `pg` talk to it exactly as
 * they talk to a real server. Used for a first look and for tests when no server is given.
 * See docs/decisions/0001-embedded-postgresql.md.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { serveOverWire, type WireServer } from "./embedded-server";

export type EmbeddedDatabase = {
  /** A connection string for `pg` or Prisma. */
  url: string;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Folder that keeps the data between runs; in memory when omitted. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
};

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { unaccent, pg_trgm },
  });
  let server: WireServer;
  try {
    // PGlite is one session: connections take turns, each keeping it for a whole query or
    // transaction (lib/db/embedded-session-queue.ts).
    server = await serveOverWire(db, { host: "127.0.0.1", port: options.port ?? 0 });
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = `postgresql://postgres:postgres@${server.address}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
