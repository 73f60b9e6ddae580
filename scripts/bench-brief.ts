/**
 * `npm run bench:brief`: the learning brief of an evaluation with 100,000 stories of which 21 are
 * approved (issue 13, "Speed"), on real PostgreSQL. Creates a scratch database on the server in
 * BENCH_DATABASE_URL (default: the local server), migrates it, writes the stories (two figures, a
 * place, a primary domain each; the approved ones also supporting evidence and a quotation whose
 * storyteller consents), then makes the HTML preview's content, the Word file and the PDF in
 * both languages, each three times, and prints the time of each run and the process's peak RSS
 * above what it used before, with the machine's load average. Drops its database at the end.
 * Prints figures; asserts nothing. BENCH_STORIES sets the number of stories.
 */
import { loadavg } from "node:os";
import { applyMigrations } from "../lib/db/migrations";
import {
  buildConsent,
  buildConsentScopes,
  buildExcerpt,
  buildInterview,
  buildPlace,
  buildRespondent,
  createEvaluationWithTeam,
} from "../tests/factories";
import { createScratchDatabase, useDatabaseInProcess } from "./bench-database";

const stories = Math.max(1000, Number(process.env.BENCH_STORIES ?? 100_000) || 100_000);
const APPROVED = 21;
const RUNS = 3;
const scratch = await createScratchDatabase();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

/** Runs `work`, sampling RSS meanwhile; returns seconds, the peak above the start, and the result. */
async function measured<T>(work: () => Promise<T>): Promise<{ seconds: number; growth: number; result: T }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    return {
      seconds: (performance.now() - started) / 1000,
      growth: Math.max(peak, process.memoryUsage().rss) - before,
      result,
    };
  } finally {
    clearInterval(sampler);
  }
}

try {
  console.log(`Scratch database ${scratch.name}; migrating…`);
  await applyMigrations(scratch.url);
  const prisma = useDatabaseInProcess(scratch.url);
  const world = await createEvaluationWithTeam(prisma, { roles: ["LEAD", "ANALYST"] });
  const evaluationId = world.evaluation.id;
  const lead = world.members.lead.id;
  const every = Math.floor(stories / APPROVED);
  const place = buildPlace({ evaluationId, state: "Veracruz" });
  await prisma.place.create({ data: place });

  console.log(`Writing ${stories.toLocaleString("en")} stories, ${APPROVED} approved…`);
  // Written by the database itself, so the process starts the brief with a small heap.
  await prisma.$executeRaw`
    INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language,
                              change_type, period_from, period_to, period_precision, stage, author_id, updated_at,
                              title_translation, translation_language)
    SELECT 'bench-' || n, ${evaluationId}, 'CS-' || lpad(n::text, 6, '0'), n,
           'Historia ' || n || ': las trabajadoras del ingenio votaron su contrato colectivo',
           'Qué cambió, para quién, dónde y cuándo.', 'Por qué es significativo.', 'es',
           (CASE WHEN n % 7 = 0 THEN 'NO_CHANGE' ELSE 'POSITIVE' END)::change_type,
           make_date(2020 + n % 5, 1, 1), make_date(2024, 12, 31), 'YEAR',
           (CASE WHEN n % ${every} = 0 AND n / ${every} <= ${APPROVED} THEN 'APPROVED'
                 WHEN n % 3 = 0 THEN 'SELECTED' ELSE 'DRAFT' END)::story_stage,
           ${lead}, now(),
           'Story ' || n || ': the mill workers voted on their contract', 'en'
      FROM generate_series(1, ${stories}) AS n`;
  console.log("Writing figures, places and domains of every story…");
  await prisma.$executeRaw`
    INSERT INTO story_figure (id, evaluation_id, story_id, position, label, label_translation, qualifier, value, unit, updated_at)
    SELECT 'bench-f' || n || '-' || p, ${evaluationId}, 'bench-' || n, p, 'trabajadoras', 'women workers', 'MORE_THAN', n % 1000 + p,
           (CASE WHEN p = 1 THEN '%' ELSE 'comunidades' END), now()
      FROM generate_series(1, ${stories}) AS n CROSS JOIN generate_series(1, 2) AS p`;
  await prisma.$executeRaw`
    INSERT INTO story_place (id, evaluation_id, story_id, place_id, updated_at)
    SELECT 'bench-p' || n, ${evaluationId}, 'bench-' || n, ${place.id}, now() FROM generate_series(1, ${stories}) AS n`;
  await prisma.$executeRaw`
    INSERT INTO domain_assignment (id, evaluation_id, story_id, domain_id, kind, rationale, assigned_by_id, updated_at)
    SELECT 'bench-d' || n, ${evaluationId}, 'bench-' || n,
           (CASE WHEN n % 2 = 0 THEN ${world.domains[0]!.id} ELSE ${world.domains[1]!.id} END), 'PRIMARY',
           'Habla de la libertad sindical.', ${lead}, now()
      FROM generate_series(1, ${stories}) AS n`;

  console.log("Writing the approved outcomes' evidence and quotations…");
  const approved = await prisma.changeStory.findMany({
    where: { evaluationId, stage: "APPROVED" },
    select: { id: true },
  });
  const respondent = buildRespondent({ evaluationId });
  await prisma.respondent.create({ data: respondent });
  const consent = buildConsent({ evaluationId, respondentId: respondent.id, recordedById: lead });
  await prisma.consent.create({ data: consent });
  await prisma.consentScope.createMany({ data: buildConsentScopes(consent) });
  const transcript = "Antes nadie nos escuchaba. Ahora el sindicato negocia por nosotras.";
  const interview = buildInterview({ evaluationId, transcriptOriginal: transcript });
  await prisma.interview.create({ data: interview });
  await prisma.interviewRespondent.create({
    data: { evaluationId, interviewId: interview.id, respondentId: respondent.id },
  });
  for (const [index, story] of approved.entries()) {
    const excerpt = buildExcerpt({
      evaluationId,
      interviewId: interview.id,
      createdById: lead,
      transcript,
      quote: "Ahora el sindicato negocia por nosotras.",
    });
    await prisma.transcriptExcerpt.create({ data: excerpt });
    await prisma.storyTeller.create({ data: { evaluationId, storyId: story.id, respondentId: respondent.id } });
    await prisma.storySource.create({ data: { evaluationId, storyId: story.id, excerptId: excerpt.id } });
    await prisma.storyQuotation.create({
      data: {
        evaluationId,
        storyId: story.id,
        excerptId: excerpt.id,
        text: excerpt.quotedText,
        language: "es",
        translation: "Now the union bargains for us.",
        translationLanguage: "en",
        translatedById: lead,
        translatedAt: new Date(),
        chosenById: lead,
      },
    });
    await prisma.evidenceItem.create({
      data: {
        evaluationId,
        storyId: story.id,
        sourceType: "ADMINISTRATIVE_RECORD",
        citation: `Registro del Centro Federal de Conciliación, 2024 (${index + 1})`,
        whatItShows: "Contratos legitimados.",
        stance: "SUPPORTS",
        strength: "STRONG",
        addedById: lead,
      },
    });
  }
  await prisma.$executeRaw`ANALYZE`;

  const { loadBrief } = await import("../lib/brief/loaders");
  const { downloadBrief } = await import("../lib/brief/download");
  const reader = { id: lead, isAdmin: false };
  const kinds: Array<[string, (lang: "es" | "en") => Promise<object | null>]> = [
    ["preview (content)", (lang) => loadBrief(evaluationId, reader, { include: "approved", lang })],
    ["docx", (lang) => downloadBrief(evaluationId, reader, { format: "docx", lang, include: "approved" })],
    ["pdf", (lang) => downloadBrief(evaluationId, reader, { format: "pdf", lang, include: "approved" })],
  ];
  console.log(`Load average before: ${load()} (1, 5, 15 min); ${approved.length} approved outcomes`);
  for (const [kind, make] of kinds) {
    for (const lang of ["en", "es"] as const) {
      for (let run = 1; run <= RUNS; run++) {
        const { seconds, growth, result } = await measured(() => make(lang));
        const size = result && "body" in result ? `, ${((result.body as Buffer).byteLength / 1024).toFixed(0)} kB` : "";
        console.log(
          `${kind} ${lang} run ${run}: ${seconds.toFixed(2)} s, RSS growth ${mb(growth)}${size}; load ${load()}`,
        );
      }
    }
  }
  await prisma.$disconnect();
} finally {
  await scratch.drop();
}
