/**
 * `npm run bench:exports`: 100,000 change stories exported through the export door, as CSV and as
 * XLSX, on real PostgreSQL. Creates a scratch database on the server in BENCH_DATABASE_URL (default:
 * the local server), migrates it, writes the stories, then downloads each file as a browser would
 * (reading the stream to its end): the stories list as CSV, the story workbook as XLSX and as a zip
 * of CSV files (with two figures, a contribution, a domain assignment and, for every other story, a
 * translation per story: rows/s counts stories), and prints rows, bytes, time, rows per second and the process's
 * peak RSS above what it used before the export, with the CPU time this process and the
 * database's backends spent on it and the load average: on a shared machine the wall time swings
 * with the load, the CPU time does not (rows per CPU second is what a quiet machine would at
 * least give, the process and the database taking turns on one core). Drops its database at the
 * end. Prints figures; asserts nothing. BENCH_STORIES sets the number of stories.
 */
import { loadavg } from "node:os";
import { applyMigrations } from "../lib/db/migrations";
import { createEvaluationWithTeam } from "../tests/factories";
import { cpuAccountingAvailable, cpuMs } from "./bench-cpu";
import { createScratchDatabase, useDatabaseInProcess } from "./bench-database";

const stories = Math.max(1000, Number(process.env.BENCH_STORIES ?? 100_000) || 100_000);
const scratch = await createScratchDatabase();
const { name, url, admin } = scratch;

/** Reads a response body to its end, sampling RSS meanwhile; returns bytes and the peak. */
async function download(response: Response): Promise<{ bytes: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  let bytes = 0;
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
  } finally {
    clearInterval(sampler);
  }
  return { bytes, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  console.log(`Scratch database ${name}; migrating…`);
  await applyMigrations(url);
  const prisma = useDatabaseInProcess(url);
  const world = await createEvaluationWithTeam(prisma, { roles: ["LEAD"] });
  console.log(`Writing ${stories.toLocaleString("en")} stories…`);
  // Written by the database itself, so the process starts the export with a small heap.
  await prisma.$executeRaw`
    INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language,
                              change_type, period_from, period_to, period_precision, stage, author_id, updated_at)
    SELECT 'bench-' || n, ${world.evaluation.id}, 'CS-' || lpad(n::text, 6, '0'), n,
           'Historia ' || n || ': las trabajadoras del ingenio votaron su contrato colectivo',
           'Qué cambió, para quién, dónde y cuándo.', 'Por qué es significativo.', 'es',
           (CASE WHEN n % 7 = 0 THEN 'NEGATIVE' ELSE 'POSITIVE' END)::change_type,
           make_date(2020 + n % 5, 1, 1), make_date(2024, 12, 31), 'YEAR', 'DRAFT', ${world.members.lead.id}, now()
      FROM generate_series(1, ${stories}) AS n`;
  // The workbook's other sheets: two figures, one contribution and one primary domain per story,
  // and a translated title for every other story (storytellers and sources would need
  // respondents and interviews; their queries have the same shape).
  console.log("Writing figures, contributions, domain assignments and translations…");
  await prisma.$executeRaw`
    INSERT INTO story_figure (id, evaluation_id, story_id, position, label, qualifier, value, unit, updated_at)
    SELECT 'bench-f' || n || '-' || p, ${world.evaluation.id}, 'bench-' || n, p, 'Trabajadoras con contrato', 'EXACT', n % 1000 + p, '%', now()
      FROM generate_series(1, ${stories}) AS n CROSS JOIN generate_series(1, 2) AS p`;
  await prisma.$executeRaw`
    INSERT INTO story_contribution (id, evaluation_id, story_id, project_id, how_contributed, updated_at)
    SELECT 'bench-c' || n, ${world.evaluation.id}, 'bench-' || n, ${world.projects[0]!.id}, 'Capacitó a las delegadas sindicales.', now()
      FROM generate_series(1, ${stories}) AS n`;
  await prisma.$executeRaw`
    INSERT INTO domain_assignment (id, evaluation_id, story_id, domain_id, kind, rationale, assigned_by_id, updated_at)
    SELECT 'bench-d' || n, ${world.evaluation.id}, 'bench-' || n, ${world.domains[0]!.id}, 'PRIMARY', 'Habla de la libertad sindical.', ${world.members.lead.id}, now()
      FROM generate_series(1, ${stories}) AS n`;
  await prisma.$executeRaw`
    UPDATE change_story SET title_translation = 'Story ' || code_number || ': the mill workers voted on their contract', translation_language = 'en'
     WHERE evaluation_id = ${world.evaluation.id} AND code_number % 2 = 0`;
  await prisma.$executeRaw`ANALYZE`;
  const { exportTable } = await import("../lib/exports/door");
  const user = {
    ...world.members.lead,
    isAdmin: false,
    locale: "ES" as const,
    sessionId: "bench",
    needsTwoFactorEnrolment: false,
  };
  // Warm-up (modules, query plans, JIT) on a filter that matches nothing, so growth is the export's.
  const files = ["stories.csv", "stories.xlsx", "stories.zip"];
  for (const file of files)
    await download(
      await exportTable({ evaluationId: world.evaluation.id, file, params: { stage: "APPROVED" }, user, locale: "es" }),
    );
  /** CPU of this process and of the database's backends for the scratch database, in ms. */
  const backends = async () =>
    (await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name])).rows.map(
      (row) => row.pid,
    );
  const cpuNow = async () => {
    const own = process.cpuUsage();
    return { app: (own.user + own.system) / 1000, database: cpuAccountingAvailable ? cpuMs(await backends()) : 0 };
  };
  for (const file of files) {
    const before = process.memoryUsage().rss;
    const cpuBefore = await cpuNow();
    const started = performance.now();
    const response = await exportTable({
      evaluationId: world.evaluation.id,
      file,
      params: { sort: "code" },
      user,
      locale: "es",
    });
    const { bytes, peakRss } = await download(response);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await cpuNow();
    const appCpu = (cpuAfter.app - cpuBefore.app) / 1000;
    const databaseCpu = (cpuAfter.database - cpuBefore.database) / 1000;
    console.log(
      `${file}: ${stories.toLocaleString("en")} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s (${Math.round(stories / seconds).toLocaleString("en")} rows/s); ` +
        `RSS before ${mb(before)}, peak ${mb(peakRss)}, growth ${mb(peakRss - before)}`,
    );
    console.log(
      `  CPU: this process ${appCpu.toFixed(1)} s, database ${databaseCpu.toFixed(1)} s ` +
        `(${Math.round(stories / (appCpu + databaseCpu)).toLocaleString("en")} rows per CPU second); load average ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  await prisma.$disconnect();
} finally {
  await scratch.drop();
}
