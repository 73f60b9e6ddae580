/**
 * The embedded database is one PostgreSQL session shared by many connections. These tests hold it
 * to what a real server guarantees each connection: its own queries' answers, its own
 * transaction, and no harm from a neighbour that fails or disappears half-way.
 * Always on the embedded database, whatever TEST_DATABASE_URL says: that is what is under test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let server: ChildProcess;
let database: { url: string };
let pool: pg.Pool;
let dataDir: string;

beforeAll(async () => {
  // In a process of its own and on disk, as the launcher runs it for the app: the clients' writes
  // then reach it in pieces, so a neighbour's message can arrive between two messages of a query.
  dataDir = mkdtempSync(path.join(tmpdir(), "msc-embedded-"));
  server = spawn(process.execPath, ["--import", "tsx", "tests/support/embedded-database-process.ts", dataDir], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  database = { url: await firstLine(server) };
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  await pool.query("CREATE TABLE ledger (id serial PRIMARY KEY, who text NOT NULL, amount int NOT NULL)");
});

afterAll(async () => {
  await pool?.end();
  server?.stdin?.end();
  await new Promise((resolve) => server?.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database shared by many connections", () => {
  it("answers each of 400 concurrent parameterised queries with its own result", async () => {
    // Different parameter counts and result shapes: a query bound to a neighbour's statement fails
    // ("bind message supplies 1 parameters…") or returns the neighbour's row.
    const queries = Array.from({ length: 400 }, (_, i) => {
      if (i % 3 === 0) return pool.query("SELECT $1::int AS n", [i]).then((r) => r.rows[0].n);
      if (i % 3 === 1) return pool.query("SELECT $1::int + $2::int - $3::int AS n", [i, 5, 5]).then((r) => r.rows[0].n);
      return pool.query("SELECT (ARRAY[$1::int, $2::int])[1] AS n, 'x' AS pad", [i, -1]).then((r) => r.rows[0].n);
    });
    const answers = await Promise.all(queries);
    expect(answers).toEqual(Array.from({ length: 400 }, (_, i) => i));
  });

  it("answers the queries that waited for a transaction each with its own result", async () => {
    // While a transaction holds the session, other connections' queries pile up; when it ends they
    // must still run one whole query at a time.
    const holder = await pool.connect();
    let answers: Promise<number[]>;
    try {
      await holder.query("BEGIN");
      answers = Promise.all(
        Array.from({ length: 7 * 6 }, (_, i) =>
          i % 2 === 0
            ? pool.query("SELECT $1::int AS n", [i]).then((r) => r.rows[0].n as number)
            : pool.query("SELECT $1::int + $2::int - $3::int AS n", [i, 5, 5]).then((r) => r.rows[0].n as number),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query("COMMIT");
    } finally {
      holder.release();
    }
    expect(await answers).toEqual(Array.from({ length: 42 }, (_, i) => i));
  });

  it("keeps a transaction's writes to itself and lets a rollback undo only its own", async () => {
    const a = await pool.connect();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO ledger (who, amount) VALUES ('a', 1)");
      // B's write waits for A's transaction to end rather than landing inside it.
      const b = pool.query("INSERT INTO ledger (who, amount) VALUES ('b', 2)");
      await a.query("INSERT INTO ledger (who, amount) VALUES ('a', 3)");
      await a.query("ROLLBACK");
      await b;
    } finally {
      a.release();
    }
    const { rows } = await pool.query("SELECT who, amount FROM ledger ORDER BY id");
    expect(rows).toEqual([{ who: "b", amount: 2 }]);
    await pool.query("DELETE FROM ledger");
  });

  it("fails only the query that is wrong while its neighbours run", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        i % 10 === 0
          ? pool.query("SELEC broken $1", [i])
          : pool.query("SELECT $1::int AS n", [i]).then((r) => r.rows[0].n),
      ),
    );
    results.forEach((result, i) => {
      if (i % 10 === 0) expect(result.status).toBe("rejected");
      else expect(result).toEqual({ status: "fulfilled", value: i });
    });
  });

  it("rolls back the transaction of a connection that disappears and serves the others", async () => {
    const leaver = new pg.Client({ connectionString: database.url });
    leaver.on("error", () => {}); // it is made to fail below
    await leaver.connect();
    await leaver.query("BEGIN");
    await leaver.query("INSERT INTO ledger (who, amount) VALUES ('leaver', 9)");
    const waiting = pool.query("SELECT count(*)::int AS n FROM ledger");
    (leaver as unknown as { connection: { stream: Socket } }).connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(0);
    expect((await pool.query("SELECT count(*)::int AS n FROM ledger")).rows[0].n).toBe(0);
  });

  it("serves the others when a connection leaves half-way through an extended query", async () => {
    const socket = await rawConnection(database.url);
    // Parse and Bind of the unnamed statement, then gone without Execute or Sync.
    socket.write(Buffer.concat([parse("SELECT $1::text, $2::text, $3::text"), bind(["x", "y", "z"])]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query("SELECT $1::int AS n", [i])));
    expect(answers.map((r) => r.rows[0].n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (data: Buffer) => {
      text += data.toString();
      if (text.includes("\n")) resolve(text.split("\n")[0]!.trim());
    });
    child.once("exit", (code) => reject(new Error(`The embedded database stopped (${code}).`)));
  });
}

/** A connection that has done the start-up handshake and talks raw protocol from then on. */
async function rawConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const parameters = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + parameters.length, 0);
  startup.writeInt32BE(196608, 4);
  socket.write(Buffer.concat([startup, parameters]));
  // Wait for ReadyForQuery ("Z").
  await new Promise<void>((resolve) => {
    const onData = (data: Buffer) => {
      if (data.includes(0x5a)) {
        socket.off("data", onData);
        resolve();
      }
    };
    socket.on("data", onData);
  });
  return socket;
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function parse(sql: string): Buffer {
  return message("P", Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.from([0, 0])]));
}

function bind(values: string[]): Buffer {
  const parts = [Buffer.from("\0\0"), int16(0), int16(values.length)];
  for (const value of values) parts.push(int32(Buffer.byteLength(value)), Buffer.from(value));
  parts.push(int16(0));
  return message("B", Buffer.concat(parts));
}

function int16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
