/**
 * The import part of the fieldwork benchmark: writes a 10,000-row KoboToolbox-style respondents
 * XLSX to a temporary file (exceljs' streaming writer), then runs the real dry run and commit on
 * it, read from disk as a Blob (fs.openAsBlob), and prints time and peak resident memory (rss
 * sampled every 20 ms; with --expose-gc also the live heap). Called by scripts/bench-fieldwork.ts on its scratch database; runs alone
 * too: `tsx --import ./scripts/server-side.mjs scripts/bench-fieldwork-import.ts` (needs DATABASE_URL of
 * a migrated scratch database; BENCH_IMPORT_ROWS sets the rows).
 */
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { runAloneOnDatabaseUrl } from "./bench-database";
import { buildStandardAtRiskGroups } from "../tests/factories/evaluations";
import { writeKoboXlsx, type KoboCell } from "../tests/support/kobo-workbook";

const HEADERS = [
  "start",
  "grp/respondent_type",
  "grp/gender",
  "grp/state",
  "grp/language",
  "grp/at_risk_groups",
  "id/name",
  "id/phone",
  "_id",
  "_uuid",
  "_submission_time",
];
const STATES = ["Coahuila", "Nuevo León", "Jalisco", "Puebla", "Oaxaca"];

function* respondentRows(rows: number): Generator<KoboCell[]> {
  for (let i = 1; i <= rows; i += 1) {
    yield [
      "2024-06-12T09:00:00.000-06:00",
      i % 3 === 0 ? "unaffiliated_worker" : "union_member",
      i % 2 === 0 ? "Mujer" : "Hombre",
      STATES[i % STATES.length],
      "es",
      i % 4 === 0 ? "women_workers at_risk_unionized_workers" : "",
      `Persona ficticia ${i}`,
      `+52 55 ${String(10_000_000 + i).slice(0, 4)} ${String(i).padStart(4, "0")}`,
      i,
      `bench-${i.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      "2024-06-12T16:22:33",
    ];
  }
}

export async function benchImport(prisma: PrismaClient, rows = 10_000): Promise<void> {
  const { dryRunImport, commitImport, analyzeImportFile } = await import("../lib/imports/mutations");
  const user = await prisma.user.create({
    data: { email: `bench-import-${Date.now()}@bench.example`, name: "Bench importer" },
    select: { id: true },
  });
  const evaluation = await prisma.evaluation.create({
    data: {
      name: "Import benchmark",
      client: "Bench",
      evaluatorOrganisation: "Bench",
      periodStart: new Date("2024-01-01"),
      periodEnd: new Date("2025-12-31"),
      languages: ["ES", "EN"],
    },
    select: { id: true },
  });
  await prisma.evaluationMember.create({
    data: { evaluationId: evaluation.id, userId: user.id, roles: ["EVALUATOR"] },
  });
  // The file names groups by their choice codes: the evaluation has the standard five, as a new one does.
  await prisma.atRiskGroup.createMany({ data: buildStandardAtRiskGroups(evaluation.id) });
  const file = path.join(tmpdir(), `bench-import-${process.pid}.xlsx`);
  await writeKoboXlsx(file, [{ name: "respondents", headers: HEADERS, rows: respondentRows(rows) }]);
  const blob = await openAsBlob(file);
  console.log(
    `\nImport of a ${rows.toLocaleString("en")}-row XLSX (${(blob.size / 1024 / 1024).toFixed(1)} MB) of respondents with sealed identities`,
  );

  global.gc?.();
  let peak = process.memoryUsage().rss;
  const baseline = peak;
  // With --expose-gc, a full collection every 250 ms also gives the peak of what is really kept
  // (live heap); rss alone also counts garbage V8 has not yet collected.
  let livePeak = 0;
  let ticks = 0;
  const sampler = setInterval(() => {
    if (global.gc && ++ticks % 12 === 0) {
      global.gc();
      livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const actor = { actorId: user.id, ipAddress: null };
    const t0 = performance.now();
    const analysis = await analyzeImportFile({
      evaluationId: evaluation.id,
      kind: "RESPONDENTS",
      file: blob,
      delimiter: "auto",
    });
    if ("rejected" in analysis) throw new Error(analysis.rejected);
    const dry = await dryRunImport(actor, {
      evaluationId: evaluation.id,
      kind: "RESPONDENTS",
      file: blob,
      fileName: "bench.xlsx",
      delimiter: "auto",
      mapping: analysis.mapping,
      keyColumn: analysis.keyColumn ?? "_uuid",
      idempotencyKey: `bench-${Date.now()}`,
    });
    if ("rejected" in dry) throw new Error(dry.rejected);
    const t1 = performance.now();
    const committed = await commitImport(actor, { evaluationId: evaluation.id, batchId: dry.batchId, file: blob });
    if ("rejected" in committed) throw new Error(committed.rejected);
    const t2 = performance.now();
    const created = await prisma.respondent.count({ where: { evaluationId: evaluation.id } });
    console.log(
      `  dry run ${((t1 - t0) / 1000).toFixed(1)} s (errors: ${dry.errorCount}); commit ${((t2 - t1) / 1000).toFixed(1)} s; total ${((t2 - t0) / 1000).toFixed(1)} s (target < 30 s)`,
    );
    console.log(
      `  created ${created} respondents; rss before ${(baseline / 1024 / 1024).toFixed(0)} MB, peak ${(peak / 1024 / 1024).toFixed(0)} MB (+${((peak - baseline) / 1024 / 1024).toFixed(0)} MB)` +
        (global.gc
          ? `; live heap peak ${(livePeak / 1024 / 1024).toFixed(0)} MB`
          : " (run node with --expose-gc for the live heap)"),
    );
  } finally {
    clearInterval(sampler);
    await rm(file, { force: true });
  }
}

await runAloneOnDatabaseUrl(import.meta.url, benchImport);
