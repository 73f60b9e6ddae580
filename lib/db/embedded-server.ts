/**
 * Serves the embedded database over the PostgreSQL wire protocol. Each connection is read by the
 * library's `PGLiteSocketHandler` (message framing, SSL and cancel requests); the turn-taking
 * between connections is ours, `SessionQueue`, because the library's own queue mixes up
 * concurrent queries (see `embedded-session-queue.ts`).
 */
import { createServer, type AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";
import { SessionQueue } from "./embedded-session-queue";

type HandlerOptions = ConstructorParameters<typeof PGLiteSocketHandler>[0];

export type WireServer = {
  /** host:port */
  address: string;
  stop(): Promise<void>;
};

export async function serveOverWire(db: PGlite, options: { host: string; port: number }): Promise<WireServer> {
  const queue = new SessionQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = createServer((socket) => {
    // The handler only calls enqueue, clearQueueForHandler, clearTransactionIfNeeded and
    // getQueueLength, which SessionQueue provides; the declared type is the library's own class.
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as HandlerOptions["queryQueue"],
      closeOnDetach: true,
    });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener("close", forget);
    handler.addEventListener("error", forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    address: `${address}:${port}`,
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
