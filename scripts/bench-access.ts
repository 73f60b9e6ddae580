/**
 * `npm run bench:access`: what authorization and auditing cost, on real PostgreSQL.
 * Creates a scratch database on the server in BENCH_DATABASE_URL (default: the local server),
 * with one evaluation, 200 members and 1,000,000 audit events, then prints p50/p95 of:
 * the per-request authorization check, a small mutation with and without its audit event,
 * and the audit page's first and a deep filtered page. Prints figures; asserts nothing.
 */
import pg from "pg";
import { applyMigrations } from "../lib/db/migrations";
import { generateAuditChain } from "./bench-audit-events";
import { createScratchDatabase, useDatabaseInProcess } from "./bench-database";
import { percentile } from "./bench-stats";

const scratch = await createScratchDatabase();
const url = scratch.url;

function percentiles(samples: number[]) {
  return `p50 ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms (n=${samples.length})`;
}

async function time(runs: number, work: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

try {
  await applyMigrations(url);
  const prisma = useDatabaseInProcess(url);
  const { recordAudit } = await import("../lib/audit");
  const { findEvaluationAccess } = await import("../lib/evaluations/data");
  const { listAuditEvents } = await import("../lib/audit-trail/data");

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO evaluation (id, name, client, evaluator_organisation, period_start, period_end, languages, updated_at)
    VALUES ('bench-eval', 'Bench', 'Client', 'Org', '2024-01-01', '2025-01-01', '{ES,EN}', now()), ('other-eval', 'Other', 'C', 'O', '2024-01-01', '2025-01-01', '{ES}', now())`);
  await client.query(`INSERT INTO app_user (id, email, name, updated_at)
    SELECT 'u' || g, 'u' || g || '@bench.example', 'User ' || g, now() FROM generate_series(1, 200) g`);
  await client.query(`INSERT INTO evaluation_member (id, evaluation_id, user_id, roles, updated_at)
    SELECT 'm' || g, 'bench-eval', 'u' || g, '{EVALUATOR}', now() FROM generate_series(1, 200) g`);
  // A valid chain, hashed by the app's own rule (scripts/bench-audit-events.ts), so the measured
  // mutations append to a real chain head.
  const { seconds } = await generateAuditChain(client, {
    evaluationId: "bench-eval",
    actors: Array.from({ length: 200 }, (_, i) => `u${i + 1}`),
    events: 1_000_000,
    from: new Date(Date.now() - 1_000_000_000),
    spacingMs: 1000,
  });
  await client.query("ANALYZE");
  console.log(`generated 1,000,000 audit events (one valid hash chain) in ${seconds.toFixed(1)} s`);

  const member = { id: "u42", isAdmin: false };
  await findEvaluationAccess("bench-eval", member); // warm up
  console.log(
    `authorization check per request (membership + roles): ${percentiles(await time(1000, () => findEvaluationAccess("bench-eval", member)))}`,
  );

  const plain = await time(500, (i) =>
    prisma.evaluation.update({ where: { id: "other-eval" }, data: { description: `d${i}` } }),
  );
  const audited = await time(500, (i) =>
    prisma.$transaction(async (tx) => {
      await tx.evaluation.update({ where: { id: "bench-eval" }, data: { description: `d${i}` } });
      await recordAudit(tx, {
        evaluationId: "bench-eval",
        actorId: "u1",
        action: "evaluation.update",
        recordType: "Evaluation",
        recordId: "bench-eval",
        after: { description: `d${i}` },
      });
    }),
  );
  console.log(`small mutation without audit: ${percentiles(plain)}`);
  console.log(`same mutation with its audit event, one transaction, 1M-event chain: ${percentiles(audited)}`);

  console.log(`audit page, newest 50: ${percentiles(await time(100, () => listAuditEvents("bench-eval", {})))}`);
  console.log(
    `audit page, one person, action prefix, deep page: ${percentiles(
      await time(100, () => listAuditEvents("bench-eval", { actor: "u7", action: "respondent.", before: "300000" })),
    )}`,
  );
  await client.end();
  await prisma.$disconnect();
} finally {
  await scratch.drop();
}
