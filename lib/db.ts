/**
 * The Prisma client, one per server process. Only `data.ts` and `mutations.ts` files of features
 * import it (CONVENTIONS.md), so every query can be checked for its evaluation scope.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { poolSizePerWorker } from "@/lib/launch/workers";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** `max`: this process's connections at most (scripts and tests keep the default). */
export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    // Writers of one evaluation's audit chain take turns (lib/audit.ts), the embedded database runs
    // one query at a time, and a whole panel voting at once queues for the pool's connections: on a
    // busy two-core machine 600 ballots waited more than 10 seconds for theirs. Waiting is right;
    // failing the user's save is not. A transaction that has its connection still ends in 15 s.
    transactionOptions: { maxWait: 30_000, timeout: 15_000 },
    log: statementTiming() ? [{ emit: "event", level: "query" }] : [],
  });
  // `npm run bench:pages` counts each page's statements and their time from these lines. The
  // line holds the duration only: never the statement or its parameters.
  if (statementTiming())
    client.$on("query", (event: { duration: number }) => process.stdout.write(`${STATEMENT_LINE} ${event.duration}\n`));
  return client;
}

export const STATEMENT_LINE = "[sql-statement-ms]";

function statementTiming(): boolean {
  return process.env.SQL_STATEMENT_TIMING === "1";
}

/** Created on first use so that `next build` never needs a database. */
export function db(): PrismaClient {
  // Several workers share the database: each takes its share of the machine's connections.
  const env = serverEnv();
  globalForPrisma.prisma ??= createPrismaClient(env.DATABASE_URL, poolSizePerWorker(env.WEB_CONCURRENCY ?? 1));
  return globalForPrisma.prisma;
}
