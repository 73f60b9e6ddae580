/** Start-up checks that turn a likely stack trace into one clear sentence. */
import net from "node:net";
import pg from "pg";

export class StartupError extends Error {}

export function assertPortFree(port: number, host = "0.0.0.0"): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use (is the app already running?). Stop it, or set PORT to another port.`
            : `Cannot listen on port ${port}: ${error.code ?? error.message}.`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Describes where a URL points without its password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the configured database";
  }
}

export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(
      `Cannot reach the database at ${describeDatabase(url)} (${reason}). Check DATABASE_URL and that PostgreSQL is running.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
