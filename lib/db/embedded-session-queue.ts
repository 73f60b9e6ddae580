/**
 * Shares the embedded database's one PostgreSQL session between many client connections.
 *
 * PGlite is a single backend session. The socket server of `@electric-sql/pglite-socket` queues
 * the wire messages of all connections and keeps a connection's turn only while a transaction is
 * open. That is not enough: an extended-protocol query (Parse, Bind, Describe, Execute, Sync) is
 * several messages, and another connection's Parse landing in between replaces the unnamed
 * statement ("bind message supplies 1 parameters, but prepared statement "" requires 3", or,
 * worse, the wrong rows). Its queue also stops for good when one message throws.
 *
 * This queue gives the session to one connection from its first message until the session is
 * idle again, which is exactly when the backend answers ReadyForQuery with status "I" (idle, no
 * transaction open). Meanwhile other connections' messages wait, in order. A connection that goes
 * away while it holds the session is cleaned up (Sync, then ROLLBACK if a transaction is open) so
 * the others carry on. It is handed to the library's connection handler in `embedded-server.ts`.
 */
import type { PGlite } from "@electric-sql/pglite";

type Turn = {
  connection: number;
  run: () => Promise<void>;
  fail: (error: Error) => void;
};

/** A Sync message: ends an extended-protocol batch and any error state it left. */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
/** A simple-protocol ROLLBACK. `PGlite.exec` cannot be used here: it waits for the lock we hold. */
const ROLLBACK = simpleQuery("ROLLBACK");
/** ReadyForQuery with status "I": the backend is idle outside any transaction block. */
const READY_AND_IDLE = [0x5a, 0, 0, 0, 5, 0x49];

export class SessionQueue {
  readonly #db: PGlite;
  #turns: Turn[] = [];
  /** The connection that holds the session between its first message and ReadyForQuery "I". */
  #holder: number | null = null;
  /** The connection whose message is running now; it may become the holder when it ends. */
  #current: number | null = null;
  #running = false;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** Runs one wire message of `connection`, streaming the backend's answer to `onData`. */
  enqueue(connection: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#turns.push({
        connection,
        fail: reject,
        run: async () => {
          let size = 0;
          let tail: number[] = [];
          await this.#db.execProtocolRawStream(message, {
            onRawData: (data) => {
              size += data.length;
              tail = [...tail, ...data.subarray(Math.max(0, data.length - READY_AND_IDLE.length))].slice(
                -READY_AND_IDLE.length,
              );
              onData(data);
            },
          });
          this.#holder = endsIdle(tail) ? null : connection;
          resolve(size);
        },
      });
      void this.#pump();
    });
  }

  /** Drops the waiting messages of a connection that went away. */
  clearQueueForHandler(connection: number): void {
    const dropped = this.#turns.filter((turn) => turn.connection === connection);
    this.#turns = this.#turns.filter((turn) => turn.connection !== connection);
    for (const turn of dropped) turn.fail(new Error("The connection closed."));
  }

  /**
   * If the departed connection holds the session, or its last message is still running (and may
   * leave a transaction open when it ends), leaves the session clean and frees it, after that message.
   */
  clearTransactionIfNeeded(connection: number): Promise<void> {
    if (this.#holder !== connection && this.#current !== connection) return Promise.resolve();
    return new Promise((resolve) => {
      this.#turns.push({
        connection,
        fail: () => resolve(),
        run: async () => {
          await this.#reset();
          resolve();
        },
      });
      void this.#pump();
    });
  }

  getQueueLength(): number {
    return this.#turns.length;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let turn = this.#next(); turn; turn = this.#next()) {
        this.#current = turn.connection;
        try {
          await this.#db.runExclusive(turn.run);
        } catch (error) {
          // The message could not run to its end: its connection learns why, and the session is
          // made clean for everyone else rather than left half-way through someone's batch.
          turn.fail(error instanceof Error ? error : new Error(String(error)));
          await this.#db.runExclusive(() => this.#reset()).catch(() => {});
        } finally {
          this.#current = null;
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /** The holder's next message, or, when nobody holds the session, the oldest message waiting. */
  #next(): Turn | undefined {
    const index = this.#holder === null ? 0 : this.#turns.findIndex((turn) => turn.connection === this.#holder);
    if (index < 0 || index >= this.#turns.length) return undefined;
    return this.#turns.splice(index, 1)[0];
  }

  /** Ends whatever the holder left open. Runs inside the database's exclusive section. */
  async #reset(): Promise<void> {
    this.#holder = null;
    await this.#db.execProtocolRaw(SYNC);
    if (this.#db.isInTransaction()) await this.#db.execProtocolRaw(ROLLBACK);
  }
}

function endsIdle(tail: number[]): boolean {
  return tail.length === READY_AND_IDLE.length && tail.every((byte, i) => byte === READY_AND_IDLE[i]);
}

function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(`${sql}\0`);
  const message = new Uint8Array(5 + text.length);
  message[0] = 0x51; // "Q"
  new DataView(message.buffer).setInt32(1, 4 + text.length);
  message.set(text, 5);
  return message;
}
