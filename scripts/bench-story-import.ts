/**
 * The story part of the import benchmark (issue 14): a 10,000-row KoboToolbox-style stories XLSX
 * with its repeat groups as their own sheets — two figures and one contribution per story, joined
 * by _index/_parent_index and _uuid/_submission__uuid, as tests/fixtures/imports/brief-stories.xlsx
 * lays them out — plus places, sectors, storytellers, a primary domain and a translation per row.
 * Runs the real analysis, dry run and commit on it and prints time and peak resident memory.
 * Target: <= 30 s in all. Called by scripts/bench-fieldwork.ts (group "import") on its scratch
 * database; runs alone too: `tsx --import ./scripts/server-side.mjs scripts/bench-story-import.ts`
 * (needs DATABASE_URL of a migrated scratch database; BENCH_IMPORT_ROWS sets the rows).
 */
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { cpuAccountingAvailable, cpuMs } from "./bench-cpu";
import { runAloneOnDatabaseUrl } from "./bench-database";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { buildPlace, buildRespondent, buildSector, createEvaluationWithTeam } from "../tests/factories";
import { koboSheets, writeKoboXlsx, type KoboForm, type KoboSubmission } from "../tests/support/kobo-workbook";

const STATES = ["Coahuila", "Nuevo León", "Jalisco", "Puebla", "Oaxaca"];
const SECTORS = ["automotive", "agriculture", "mining"];
const RESPONDENTS = 200;
/** The stories form as its export lays it out: two figures and one contribution per story. */
const STORIES_FORM: KoboForm = {
  sheet: "stories",
  columns: [
    "title",
    "what_changed",
    "why_significant",
    "language",
    "change_type",
    "period",
    "places",
    "sectors",
    "storytellers",
    "primary_domain",
    "domain_rationale",
    "contribution",
    "sustainability",
    "title_translation",
    "what_changed_translation",
    "why_significant_translation",
    "translation_language",
    "translated_by",
  ],
  repeats: {
    figuras: ["label", "value", "unit", "qualifier"],
    contribuciones: ["project", "how_contributed"],
  },
};

function* submissions(rows: number, acronyms: string[], translator: string): Generator<KoboSubmission> {
  for (let i = 1; i <= rows; i += 1) {
    yield {
      uuid: `uuid-bench-${i}`,
      answers: [
        `Historia de prueba ${i}: la asamblea eligió a su comité`,
        `Relato ficticio de lo que cambió en la historia ${i}. `.repeat(8),
        `Razón ficticia por la que importa la historia ${i}. `.repeat(4),
        "es",
        i % 10 === 0 ? "sin cambio" : "positivo",
        i % 3 === 0 ? "2022-" : "2021-2023",
        `${STATES[i % STATES.length]}; ${STATES[(i + 2) % STATES.length]}`,
        SECTORS[i % SECTORS.length],
        `R-${String((i % RESPONDENTS) + 1).padStart(4, "0")}`,
        (i % 5) + 1,
        `Fundamento ficticio ${i}.`,
        `Relato ficticio de la contribución ${i}.`,
        "Probablemente dure.",
        `Test story ${i}`,
        `Fictional account of what changed in story ${i}.`,
        `Fictional reason for story ${i}.`,
        "en",
        translator,
      ],
      repeats: {
        figuras: [
          ["personas trabajadoras", 600000 + i, "", "más de"],
          ["empresas", i % 40, "", ""],
        ],
        contribuciones: [[acronyms[i % acronyms.length], `Capacitó a las personas de la historia ${i}.`]],
      },
    };
  }
}

/**
 * CPU time so far of this process and of the database's backends (on this machine): on a shared
 * machine the commit's wall time swings with the load, its CPU time much less (scripts/bench-cpu.ts).
 */
async function cpu(prisma: PrismaClient): Promise<{ app: number; database: number }> {
  const own = process.cpuUsage();
  const backends = await prisma.$queryRaw<Array<{ pid: number }>>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return {
    app: (own.user + own.system) / 1000,
    database: cpuAccountingAvailable ? cpuMs(backends.map((row) => Number(row.pid))) : 0,
  };
}

export async function benchStoryImport(prisma: PrismaClient, rows: number): Promise<void> {
  // Imported here so DATABASE_URL is set before the app's modules read it.
  const { analyzeImportFile, commitImport, dryRunImport } = await import("../lib/imports/mutations");
  const team = await createEvaluationWithTeam(prisma, { domainCount: 5, projectCount: 4 });
  const evaluationId = team.evaluation.id;
  const evaluator = team.members.evaluator!;
  await prisma.place.createMany({ data: STATES.map((state) => buildPlace({ evaluationId, state })) });
  await prisma.sector.createMany({
    data: SECTORS.map((name) => buildSector({ evaluationId, nameEn: name, nameEs: name })),
  });
  await prisma.respondent.createMany({
    data: Array.from({ length: RESPONDENTS }, (_, index) => buildRespondent({ evaluationId, codeNumber: index + 1 })),
  });
  const file = path.join(tmpdir(), `bench-story-import-${process.pid}.xlsx`);
  const acronyms = team.projects.map((project) => project.acronym);
  await writeKoboXlsx(
    file,
    koboSheets(STORIES_FORM, () => submissions(rows, acronyms, evaluator.email)),
  );
  const blob = await openAsBlob(file);
  const [load] = loadavg();
  console.log(
    `\nImport of a ${rows.toLocaleString("en")}-row stories XLSX (${(blob.size / 1024 / 1024).toFixed(1)} MB; ` +
      `${(2 * rows).toLocaleString("en")} figures, ${rows.toLocaleString("en")} contributions, a translation per story); load average ${load!.toFixed(2)}`,
  );
  let peak = process.memoryUsage().rss;
  const baseline = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const actor = { actorId: evaluator.id, ipAddress: null };
    const t0 = performance.now();
    const analysis = await analyzeImportFile({ evaluationId, kind: "STORIES", file: blob, delimiter: "auto" });
    if ("rejected" in analysis) throw new Error(analysis.rejected);
    const dry = await dryRunImport(actor, {
      evaluationId,
      kind: "STORIES",
      file: blob,
      fileName: "bench-stories.xlsx",
      delimiter: "auto",
      mapping: analysis.mapping,
      keyColumn: analysis.keyColumn ?? "_uuid",
      idempotencyKey: `bench-stories-${Date.now()}`,
      numberLocale: "es",
    });
    if ("rejected" in dry) throw new Error(dry.rejected);
    const t1 = performance.now();
    const cpuBefore = await cpu(prisma);
    if (dry.errorCount > 0) {
      const errors = await prisma.importRowError.findMany({ where: { batchId: dry.batchId }, take: 5 });
      throw new Error(`The dry run found ${dry.errorCount} errors, e.g. ${JSON.stringify(errors)}`);
    }
    const committed = await commitImport(actor, { evaluationId, batchId: dry.batchId, file: blob });
    if ("rejected" in committed) throw new Error(committed.rejected);
    const t2 = performance.now();
    const cpuAfter = await cpu(prisma);
    const [stories, figures, contributions] = await Promise.all([
      prisma.changeStory.count({ where: { evaluationId } }),
      prisma.storyFigure.count({ where: { evaluationId } }),
      prisma.storyContribution.count({ where: { evaluationId } }),
    ]);
    console.log(
      `  dry run ${((t1 - t0) / 1000).toFixed(1)} s; commit ${((t2 - t1) / 1000).toFixed(1)} s; total ${((t2 - t0) / 1000).toFixed(1)} s (target <= 30 s)`,
    );
    console.log(
      `  commit CPU: this process ${((cpuAfter.app - cpuBefore.app) / 1000).toFixed(1)} s, database backends ` +
        (cpuAccountingAvailable ? `${((cpuAfter.database - cpuBefore.database) / 1000).toFixed(1)} s` : "not measured"),
    );
    console.log(
      `  created ${stories} stories, ${figures} figures, ${contributions} contributions; rss before ${(baseline / 1024 / 1024).toFixed(0)} MB, ` +
        `peak ${(peak / 1024 / 1024).toFixed(0)} MB (+${((peak - baseline) / 1024 / 1024).toFixed(0)} MB); load average after ${loadavg()[0]!.toFixed(2)}`,
    );
  } finally {
    clearInterval(sampler);
    await rm(file, { force: true });
  }
}

await runAloneOnDatabaseUrl(import.meta.url, benchStoryImport);
