/**
 * `npm run bench:fieldwork`: the fieldwork tables and search at scale, on real PostgreSQL.
 * Creates a scratch database on the server in BENCH_DATABASE_URL (default: the local server),
 * migrates it, generates 100,000 change stories, 20,000 respondents, 20,000 interviews with
 * 30,000-character transcripts and 1,000 focus groups (scripts/bench-fieldwork-data.ts), then calls
 * the real loaders and prints p50/p95 server time of list pages and searches, how many queries
 * each call made, and the top of the EXPLAIN ANALYZE plan of every query with the scans it used;
 * the search page's queries for a common and a rare word in full (EXPLAIN ANALYZE, BUFFERS).
 * It also writes 1,000,000 audit events as one valid hash chain (scripts/bench-fieldwork-audit.ts)
 * and measures the audit page's loader the same way. The import group imports a 10,000-row
 * respondents XLSX and a 10,000-row stories XLSX with figures and contributions
 * (scripts/bench-story-import.ts; BENCH_IMPORT_ROWS sets the stories' rows).
 * Drops its database at the end. Prints figures; asserts nothing. BENCH_RUNS (default 40) sets
 * the runs per case; BENCH_SCALE (default 1) shrinks the data for a trial run; BENCH_KEEP=1 keeps
 * the database and prints its name, and BENCH_REUSE=<name> measures such a kept one again
 * (migrating it first, and adding the audit chain if it has none); BENCH_GROUPS (default
 * "list,search,audit,import") picks what to measure; BENCH_VERIFY_AUDIT=1 also checks the audit
 * chain as `npm run audit:verify` does and prints how long that took.
 */
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations } from "../lib/db/migrations";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createScratchDatabase, keptDatabaseOptions, useDatabaseInProcess } from "./bench-database";
import { auditCases, ensureAuditChain, verifyBenchChain } from "./bench-fieldwork-audit";
import { BENCH, generateFieldwork } from "./bench-fieldwork-data";
import { benchImport } from "./bench-fieldwork-import";
import { benchStoryImport } from "./bench-story-import";
import { printSearchPlans, SEARCH_WORDS } from "./bench-fieldwork-plans";
import { percentile } from "./bench-stats";

const runs = Math.max(5, Number(process.env.BENCH_RUNS ?? 40) || 40);
const groups = new Set(
  (process.env.BENCH_GROUPS ?? "list,search,audit,import").split(",").map((group) => group.trim()),
);
const scratch = await createScratchDatabase(keptDatabaseOptions());
const { name, url } = scratch;

type Captured = { query: string; params: unknown[] };
const captured: Captured[] = [];
let capturing = false;

try {
  console.log(`Scratch database ${name}; migrating…`);
  await applyMigrations(url);
  // The app's own client (lib/db.ts picks it up), with query events so plans can be checked.
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => {
    if (capturing) captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  useDatabaseInProcess(url, prisma);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (!scratch.reused) {
    console.log(
      `Generating ${BENCH.stories.toLocaleString("en")} stories, ${BENCH.respondents.toLocaleString("en")} respondents, ` +
        `${BENCH.interviews.toLocaleString("en")} interviews (${BENCH.transcriptChars.toLocaleString("en")}-character transcripts), ${BENCH.focusGroups.toLocaleString("en")} focus groups…`,
    );
    const generation = await generateFieldwork(client, console.log);
    for (const step of generation) console.log(`  ${step.label.padEnd(96)} ${step.seconds.toFixed(1).padStart(6)} s`);
    console.log(`  total generation time: ${generation.reduce((sum, step) => sum + step.seconds, 0).toFixed(1)} s`);
    const size = await client.query<{ size: string }>(
      "SELECT pg_size_pretty(pg_database_size(current_database())) AS size",
    );
    console.log(`  database size: ${size.rows[0]!.size}`);
  }
  if (groups.has("audit")) {
    const seconds = await ensureAuditChain(client);
    if (seconds !== null)
      console.log(
        `  ${BENCH.auditEvents.toLocaleString("en")} audit events, one valid hash chain (hashed here, inserted 20,000 a statement): ${seconds.toFixed(1)} s`,
      );
  }

  if (groups.has("audit") && process.env.BENCH_VERIFY_AUDIT === "1")
    console.log(`  audit chain: ${await verifyBenchChain()}`);

  const { loadStoryList: listStories } = await import("../lib/stories/loaders");
  const { loadRespondentList: listRespondents } = await import("../lib/respondents/loaders");
  const { loadInterviewList: listInterviews } = await import("../lib/interviews/loaders");
  const { loadFocusGroupList: listFocusGroups } = await import("../lib/focus-groups/loaders");
  const { searchEvaluation } = await import("../lib/search/data");

  const lead = { id: "u1", isAdmin: false };
  const e = BENCH.evaluationId;
  const table = <F>(filters: F, sort: { id: string; desc: boolean }, page = 1) => ({
    page,
    pageSize: 25,
    sort,
    columns: [],
    filters,
  });
  const words = ["niños", "sindicato independiente", "conciliación", "acoso", "inspectores", "children school"];
  const { common, rare } = SEARCH_WORDS;

  type Group = "list" | "search" | "audit";
  const allCases: Array<{ group: Group; label: string; call: (i: number) => Promise<unknown> }> = [
    {
      group: "list",
      label: "stories: stage = SCREENED, newest first, pages 1-5",
      call: (i) =>
        listStories(e, lead, table({ stage: "SCREENED" as const }, { id: "updatedAt", desc: true }, 1 + (i % 5))),
    },
    {
      group: "list",
      label: "stories: primary domain, sorted by title",
      call: (i) => listStories(e, lead, table({ domain: `d${1 + (i % 5)}` }, { id: "title", desc: false })),
    },
    {
      group: "list",
      label: "stories: domain + stage, newest first",
      call: (i) =>
        listStories(
          e,
          lead,
          table({ domain: `d${1 + (i % 5)}`, stage: "SUBMITTED" as const }, { id: "updatedAt", desc: true }),
        ),
    },
    {
      group: "list",
      label: "stories: state + type of change, by period",
      call: () =>
        listStories(e, lead, table({ state: "Oaxaca", changeType: "POSITIVE" as const }, { id: "period", desc: true })),
    },
    {
      group: "list",
      label: "stories: updated in a quarter, by stage",
      call: () =>
        listStories(
          e,
          lead,
          table({ updatedFrom: "2024-07-01", updatedTo: "2024-09-30" }, { id: "stage", desc: false }),
        ),
    },
    {
      group: "list",
      label: "respondents: type + gender, by code",
      call: (i) =>
        listRespondents(
          e,
          lead,
          table({ type: "UNION_MEMBER" as const, gender: "WOMAN" as const }, { id: "code", desc: false }, 1 + (i % 3)),
        ),
    },
    {
      group: "list",
      label: "respondents: state, newest first",
      call: () => listRespondents(e, lead, table({ state: "Oaxaca" }, { id: "updatedAt", desc: true })),
    },
    {
      group: "list",
      label: "interviews: state + date range, newest first",
      call: () =>
        listInterviews(
          e,
          lead,
          table({ state: "Veracruz", from: "2024-06-01", to: "2024-12-31" }, { id: "date", desc: true }),
        ),
    },
    {
      group: "list",
      label: "focus groups: all, by date",
      call: () => listFocusGroups(e, lead, table({}, { id: "date", desc: true })),
    },
    {
      group: "search",
      label: "story search (stories table, by relevance, highlighted)",
      call: (i) => listStories(e, lead, table({ q: words[i % words.length]! }, { id: "relevance", desc: true })),
    },
    {
      group: "search",
      label: "story search + stage filter, newest first",
      call: (i) =>
        listStories(
          e,
          lead,
          table({ q: words[i % words.length]!, stage: "SCREENED" as const }, { id: "updatedAt", desc: true }),
        ),
    },
    {
      group: "search",
      label: "transcript search (interviews, 20 per page, highlighted)",
      call: (i) => searchEvaluation(e, lead, { q: words[i % words.length]!, kind: "interviews", page: 1 }),
    },
    {
      group: "search",
      label: "search page: stories + interviews + focus groups at once",
      call: (i) => searchEvaluation(e, lead, { q: words[i % words.length]!, page: 1 }),
    },
    {
      group: "search",
      label: `search page, common word "${common}", all kinds`,
      call: () => searchEvaluation(e, lead, { q: common, page: 1 }),
    },
    {
      group: "search",
      label: `search page, common word "${common}", interviews, pages 1-3`,
      call: (i) => searchEvaluation(e, lead, { q: common, kind: "interviews", page: 1 + (i % 3) }),
    },
    {
      group: "search",
      label: `search page, rare word "${rare}", all kinds`,
      call: () => searchEvaluation(e, lead, { q: rare, page: 1 }),
    },
    {
      group: "search",
      label: `search page, rare word "${rare}", interviews`,
      call: () => searchEvaluation(e, lead, { q: rare, kind: "interviews", page: 1 }),
    },
    ...(await auditCases()).map((audit) => ({ group: "audit" as const, ...audit })),
  ];
  const cases = allCases.filter((benchCase) => groups.has(benchCase.group));

  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(", ");
  console.log(
    `\nServer time per call of the real loaders (${runs} runs each after 3 warm-up runs; access check included).`,
  );
  console.log(`  ${cpus().length} CPUs; load average before: ${load()} (other work on the machine inflates p95)`);
  const worst: Record<Group, number> = { list: 0, search: 0, audit: 0 };
  const plansFor: Array<{ label: string; queries: Captured[] }> = [];
  for (const benchCase of cases) {
    for (let i = 0; i < 3; i += 1) await benchCase.call(i);
    captured.length = 0;
    capturing = true;
    await benchCase.call(0);
    capturing = false;
    plansFor.push({ label: benchCase.label, queries: [...captured] });
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await benchCase.call(i);
      samples.push(performance.now() - started);
    }
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    worst[benchCase.group] = Math.max(worst[benchCase.group], p95);
    console.log(
      `  ${benchCase.label.padEnd(66)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${captured.length} queries)`,
    );
  }
  console.log(`  load average after: ${load()}`);
  console.log(
    `  worst list p95 ${worst.list.toFixed(1)} ms (target < 100 ms); worst search p95 ${worst.search.toFixed(1)} ms (target < 150 ms); worst audit page p95 ${worst.audit.toFixed(1)} ms`,
  );

  console.log("\nQuery plans (EXPLAIN ANALYZE on the generated data): top line, then every scan it used.");
  for (const { label, queries } of plansFor) {
    console.log(`  ${label}`);
    for (const { query, params } of queries) {
      const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${query}`, params);
      const lines = result.rows.map((row) => row["QUERY PLAN"]);
      const scans = [
        ...new Set(
          lines
            .map((line) =>
              /((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan(?: Backward)?|Bitmap Heap Scan|Bitmap Index Scan) [^(]*)/
                .exec(line)?.[1]
                ?.trim(),
            )
            .filter(Boolean),
        ),
      ];
      const bigSeqScan = scans.some((scan) =>
        /Seq Scan on (change_story|interview|respondent|consent|story_place|domain_assignment|audit_event)\b/.test(
          scan!,
        ),
      );
      const what = query.replace(/\s+/g, " ").slice(0, 70);
      console.log(`    ${what}…`);
      console.log(`      ${lines[0]!.trim()}  |  ${lines.at(-1)!.trim()}`);
      console.log(`      scans: ${scans.join("; ")}${bigSeqScan ? "  <-- sequential scan of a large table" : ""}`);
    }
  }
  if (groups.has("search")) {
    const capture = async (call: () => Promise<unknown>) => {
      captured.length = 0;
      capturing = true;
      await call();
      capturing = false;
      return [...captured];
    };
    await printSearchPlans(client, { common, rare }, (q) => capture(() => searchEvaluation(e, lead, { q, page: 1 })));
  }
  await client.end();
  if (groups.has("import")) {
    await benchImport(prisma);
    await benchStoryImport(prisma, Number(process.env.BENCH_IMPORT_ROWS ?? 10_000));
  }
  await prisma.$disconnect();
} finally {
  await scratch.drop();
}
