/**
 * The fieldwork benchmark's data, generated inside PostgreSQL with `generate_series` (no rows
 * cross the wire): one evaluation with 100,000 change stories, 20,000 respondents, 20,000
 * interviews with 30,000-character transcripts and 1,000 focus groups, three selection rounds
 * (scripts/bench-fieldwork-rounds.ts), plus a small second
 * evaluation whose rows must never show up. Choices are pseudo-random but repeatable
 * (`hashint4` of the row number), so two runs measure the same data.
 */
import type pg from "pg";
import type { StoryStage } from "../lib/generated/prisma/enums";
import { SELECTED_ONWARD_STAGES } from "../lib/stories/types";
import { ensureSelectionRounds } from "./bench-fieldwork-rounds";
import { SENTENCES_PER_TOPIC, STATES, TITLES_PER_TOPIC, TOPIC_COUNT, textPools } from "./bench-fieldwork-text";

/** BENCH_SCALE (default 1) shrinks the data for a quick trial run of the script itself. */
const scale = Math.min(1, Math.max(0.001, Number(process.env.BENCH_SCALE ?? 1) || 1));
const scaled = (count: number) => Math.max(10, Math.round(count * scale));

export const BENCH = {
  evaluationId: "bench-eval",
  otherEvaluationId: "other-eval",
  stories: scaled(100_000),
  respondents: scaled(20_000),
  interviews: scaled(20_000),
  focusGroups: scaled(1_000),
  transcriptChars: 30_000,
  users: 20,
  /** One valid hash chain in the evaluation (scripts/bench-fieldwork-audit.ts). */
  auditEvents: scaled(1_000_000),
};

const [SELECTED, ...AFTER_SELECTION] = SELECTED_ONWARD_STAGES;
/**
 * The stages a story is drawn from, repeated by weight: every stage before selection, and each
 * step a selected story stands at once, from the app's own list so a new step shows up here. The
 * order is the one the data was always drawn in (a row's stage is picked by index), so a kept
 * database and a new one hold the same stages.
 */
const STAGES: readonly StoryStage[] = [
  "DRAFT",
  "DRAFT",
  "DRAFT",
  "SUBMITTED",
  "SUBMITTED",
  "SCREENED",
  "SCREENED",
  "SCREENED",
  "IN_SELECTION",
  SELECTED,
  "NOT_SELECTED",
  "NOT_SELECTED",
  ...AFTER_SELECTION,
  "SCREENED",
];
const RESPONDENT_TYPES = [
  "UNION_MEMBER",
  "UNAFFILIATED_WORKER",
  "AGRICULTURAL_PRODUCER",
  "LABOUR_AUTHORITY",
  "CONCILIATION_OR_COURT_STAFF",
  "COMPANY",
  "ACADEMIA",
  "CIVIL_SOCIETY",
  "IMPLEMENTING_PARTNER",
  "FUNDER",
];

type Step = { label: string; seconds: number };

/** Runs `sql` and records how long it took. */
async function step(client: pg.Client, steps: Step[], label: string, sql: string, params: unknown[] = []) {
  const started = performance.now();
  await client.query(sql, params);
  steps.push({ label, seconds: (performance.now() - started) / 1000 });
}

async function setup(client: pg.Client, steps: Step[]) {
  const { evaluationId: e, otherEvaluationId: o } = BENCH;
  await step(
    client,
    steps,
    "evaluations, team, domains, places, projects, sectors",
    `
    INSERT INTO evaluation (id, name, client, evaluator_organisation, period_start, period_end, languages, updated_at)
      VALUES ('${e}', 'Bench', 'Client', 'Org', '2024-03-01', '2025-05-31', '{ES,EN}', now()),
             ('${o}', 'Other', 'Client', 'Org', '2024-03-01', '2025-05-31', '{ES}', now());
    INSERT INTO app_user (id, email, name, updated_at)
      SELECT 'u' || g, 'u' || g || '@bench.example', 'Persona ' || g, now() FROM generate_series(1, ${BENCH.users}) g;
    INSERT INTO evaluation_member (id, evaluation_id, user_id, roles, updated_at)
      SELECT 'm' || g, '${e}', 'u' || g,
             CASE WHEN g = 1 THEN '{LEAD}' WHEN g <= 12 THEN '{EVALUATOR}' WHEN g <= 15 THEN '{ANALYST}' ELSE '{PANELIST}' END::evaluation_role[], now()
        FROM generate_series(1, ${BENCH.users}) g;
    INSERT INTO evaluation_member (id, evaluation_id, user_id, roles, updated_at) VALUES ('m-other', '${o}', 'u20', '{LEAD}', now());
    INSERT INTO domain (id, evaluation_id, position, name_en, name_es, name_key_en, name_key_es, updated_at)
      SELECT 'd' || g, '${e}', g, 'Domain ' || g, 'Dominio ' || g, 'domain ' || g, 'dominio ' || g, now() FROM generate_series(1, 5) g;
    INSERT INTO domain (id, evaluation_id, position, name_en, name_es, name_key_en, name_key_es, updated_at)
      VALUES ('d-other', '${o}', 1, 'Other', 'Otro', 'other', 'otro', now());
    INSERT INTO place (id, evaluation_id, state, key, updated_at) VALUES ('pl-other', '${o}', 'Oaxaca', 'oaxaca||', now());
    INSERT INTO project (id, evaluation_id, acronym, name, acronym_key, name_key, managing_office, funding_streams, updated_at)
      SELECT 'pr' || g, '${e}', 'P' || g, 'Proyecto ' || g, 'p' || g, 'proyecto ' || g, 'OTLA', '{USMCA}', now() FROM generate_series(1, 19) g;
    INSERT INTO sector (id, evaluation_id, name_en, name_es, updated_at)
      SELECT 'se' || g, '${e}', 'Sector ' || g, 'Sector económico ' || g, now() FROM generate_series(1, 5) g;`,
  );
  // Ids pl4..pl79: four places per state (the state itself and three municipalities).
  await step(
    client,
    steps,
    "places",
    `
    INSERT INTO place (id, evaluation_id, state, municipality, key, updated_at)
      SELECT 'pl' || (s.i * 4 + m), '${e}', s.state, CASE WHEN m = 0 THEN NULL ELSE 'Municipio ' || m END,
             lower(s.state) || '|' || CASE WHEN m = 0 THEN '' ELSE 'municipio ' || m END || '|', now()
        FROM unnest($1::text[]) WITH ORDINALITY AS s(state, i), generate_series(0, 3) m`,
    [STATES],
  );
}

const placeCount = STATES.length * 4;

/** Pseudo-random choices of story g: topic t and bits h (the same expressions wherever needed). */
const storyBits = `abs(hashint4(g)) % ${TOPIC_COUNT} AS t, abs(hashint4(g + 7777777)) AS h`;

async function stories(client: pg.Client, steps: Step[]) {
  const e = BENCH.evaluationId;
  const n = SENTENCES_PER_TOPIC;
  const sentence = (pool: string, shift: number) => `${pool}[t * ${n} + 1 + (h >> ${shift}) % ${n}]`;
  // A title per topic, made specific by a place, as real titles are.
  const title = (pool: string) =>
    `(${pool}[t * ${TITLES_PER_TOPIC} + 1 + (h >> 3) % ${TITLES_PER_TOPIC}] || ' · ' || ($6::text[])[1 + (g * 7 + (h >> 23)) % ${STATES.length}] || ' ' || (1 + g % 97))`;
  const what = (pool: string) => `${sentence(pool, 4)} || ' ' || ${sentence(pool, 7)} || ' ' || ${sentence(pool, 10)}`;
  const why = (pool: string) => `${sentence(pool, 13)} || ' ' || ${sentence(pool, 16)}`;
  await step(
    client,
    steps,
    `${BENCH.stories.toLocaleString("en")} change stories (search vectors by the trigger)`,
    `
    INSERT INTO change_story (id, evaluation_id, code, code_number, title, title_translation, what_changed, what_changed_translation,
      why_significant, why_significant_translation, original_language, translation_language, change_type, period_from, period_to,
      period_precision, stage, stage_changed_at, author_id, version, created_at, updated_at)
    SELECT 'st' || g, '${e}', 'CS-' || lpad(g::text, 6, '0'), g,
      CASE WHEN english THEN ${title("($4::text[])")} ELSE ${title("($3::text[])")} END,
      CASE WHEN translated THEN ${title("($4::text[])")} END,
      CASE WHEN english THEN ${what("($2::text[])")} ELSE ${what("($1::text[])")} END,
      CASE WHEN translated THEN ${what("($2::text[])")} END,
      CASE WHEN english THEN ${why("($2::text[])")} ELSE ${why("($1::text[])")} END,
      CASE WHEN translated THEN ${why("($2::text[])")} END,
      CASE WHEN english THEN 'en' ELSE 'es' END, CASE WHEN translated THEN 'en' END,
      (CASE WHEN t = ${TOPIC_COUNT - 1} THEN 'NO_CHANGE' WHEN h % 20 = 0 THEN 'NEGATIVE' ELSE 'POSITIVE' END)::change_type,
      make_date(2019 + h % 5, 1, 1), make_date(2020 + h % 5, 12, 31), 'YEAR',
      ($5::text[])[1 + (h >> 19) % ${STAGES.length}]::story_stage, updated, 'u' || (2 + g % 11), 1 + h % 4, updated - interval '30 days', updated
    FROM (
      SELECT g, t, h, h % 10 = 0 AS english, h % 10 BETWEEN 1 AND 7 AS translated,
             timestamp '2024-03-01' + ((h >> 8) % 450) * interval '1 day' + (g % 86400) * interval '1 second' AS updated
        FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits
    ) story`,
    [textPools.topicEs, textPools.topicEn, textPools.titleEs, textPools.titleEn, STAGES, STATES],
  );
  await step(
    client,
    steps,
    "domain assignments (85% with a current primary, 10% with an ended one, 20% a secondary)",
    `
    INSERT INTO domain_assignment (id, evaluation_id, story_id, domain_id, kind, rationale, assigned_by_id, assigned_at, ended_at, ended_by_id, updated_at)
    SELECT 'da-old' || g, '${e}', 'st' || g, 'd' || (1 + (t + 2) % 5), 'PRIMARY', 'Primera lectura', 'u2', '2024-05-01', '2024-06-01', 'u1', now()
      FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits WHERE h % 100 < 10;
    INSERT INTO domain_assignment (id, evaluation_id, story_id, domain_id, kind, rationale, assigned_by_id, assigned_at, updated_at)
    SELECT 'da' || g, '${e}', 'st' || g, 'd' || (1 + t % 5), 'PRIMARY', 'El cambio encaja en este dominio', 'u2', '2024-06-02', now()
      FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits WHERE h % 100 < 85;
    INSERT INTO domain_assignment (id, evaluation_id, story_id, domain_id, kind, rationale, assigned_by_id, assigned_at, updated_at)
    SELECT 'da-sec' || g, '${e}', 'st' || g, 'd' || (1 + (t + 1) % 5), 'SECONDARY', 'También toca este dominio', 'u2', '2024-06-02', now()
      FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits WHERE h % 100 >= 80;`,
  );
  await step(
    client,
    steps,
    "story places (1 or 2 per story)",
    `
    INSERT INTO story_place (id, evaluation_id, story_id, place_id, updated_at)
    SELECT 'sp' || g, '${e}', 'st' || g, 'pl' || (4 + (g * 7 + t) % ${placeCount}), now()
      FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits;
    INSERT INTO story_place (id, evaluation_id, story_id, place_id, updated_at)
    SELECT 'sp2-' || g, '${e}', 'st' || g, 'pl' || (4 + (g * 7 + t + 9) % ${placeCount}), now()
      FROM (SELECT g, ${storyBits} FROM generate_series(1, ${BENCH.stories}) g) bits WHERE h % 3 = 0;`,
  );
}

async function respondents(client: pg.Client, steps: Step[]) {
  const e = BENCH.evaluationId;
  await step(
    client,
    steps,
    `${BENCH.respondents.toLocaleString("en")} respondents with consent (3% excluded)`,
    `
    INSERT INTO respondent (id, evaluation_id, code, code_number, type, gender, state, place_id, sector_id, language, excluded_at, updated_at, created_at)
    SELECT 'r' || g, '${e}', 'R-' || lpad(g::text, 5, '0'), g, ($1::text[])[1 + h % 10]::respondent_type,
      (ARRAY['WOMAN','MAN','WOMAN','MAN','NON_BINARY','UNDISCLOSED'])[1 + (h >> 4) % 6]::gender,
      ($2::text[])[1 + (h >> 7) % ${STATES.length}], NULL, 'se' || (1 + (h >> 9) % 5),
      (ARRAY['es','es','es','es','es','es','nah','zap','en'])[1 + (h >> 12) % 9],
      CASE WHEN h % 100 < 3 THEN timestamp '2025-01-15' END,
      timestamp '2024-03-01' + ((h >> 14) % 450) * interval '1 day', timestamp '2024-03-01' + ((h >> 14) % 450) * interval '1 day'
    FROM (SELECT g, abs(hashint4(g + 333)) AS h FROM generate_series(1, ${BENCH.respondents}) g) bits`,
    [RESPONDENT_TYPES, STATES],
  );
  await step(
    client,
    steps,
    "at-risk groups (a quarter of respondents women workers, some families of child workers)",
    `
    INSERT INTO at_risk_group (id, evaluation_id, position, code, name_en, name_es, updated_at)
      VALUES ('ag1', '${e}', 1, 'women_workers', 'Women workers', 'Mujeres trabajadoras', now()),
             ('ag2', '${e}', 2, 'child_workers_families', 'Families of child workers', 'Familias de niñas y niños trabajadores', now());
    INSERT INTO respondent_at_risk_group (evaluation_id, respondent_id, group_id)
    SELECT '${e}', 'r' || g, CASE WHEN h % 4 = 0 THEN 'ag1' ELSE 'ag2' END
      FROM (SELECT g, abs(hashint4(g + 333)) AS h FROM generate_series(1, ${BENCH.respondents}) g) bits WHERE h % 4 = 0 OR h % 7 = 0`,
  );
  await step(
    client,
    steps,
    "consents",
    `
    INSERT INTO consent (id, evaluation_id, respondent_id, given_on, method, form_version, language, recorded_by_id, withdrawn_on, withdrawal_choice, updated_at)
    SELECT 'c' || g, '${e}', 'r' || g, date '2024-03-01' + (h >> 14) % 450, 'WRITTEN', 'v1', 'es', 'u2',
      CASE WHEN h % 100 < 3 THEN date '2025-01-15' END, CASE WHEN h % 100 < 3 THEN 'EXCLUDE'::withdrawal_choice END, now()
    FROM (SELECT g, abs(hashint4(g + 333)) AS h FROM generate_series(1, ${BENCH.respondents}) g) bits`,
  );
}

/** A transcript of ~`chars` characters: turns between the interviewer and the respondent. */
function transcriptSql(topicPool: string, talkPool: string, interviewer: string, chars: number) {
  const turns = Math.ceil(chars / 62);
  const n = SENTENCES_PER_TOPIC;
  return `left((SELECT string_agg(
      CASE WHEN k % 2 = 1 THEN '${interviewer}: ' ELSE 'R-' || lpad((1 + g % ${BENCH.respondents})::text, 5, '0') || ': ' END ||
      CASE WHEN abs(hashint4(g * 1000 + k)) % 20 < 10 THEN ${topicPool}[t * ${n} + 1 + (abs(hashint4(g * 1000 + k)) >> 5) % ${n}]
           WHEN abs(hashint4(g * 1000 + k)) % 20 < 13 THEN ${topicPool}[t2 * ${n} + 1 + (abs(hashint4(g * 1000 + k)) >> 5) % ${n}]
           ELSE ${talkPool}[1 + (abs(hashint4(g * 1000 + k)) >> 5) % array_length(${talkPool}, 1)] END,
      E'\\n\\n' ORDER BY k) FROM generate_series(1, ${turns}) k), ${chars})`;
}

async function interviews(client: pg.Client, steps: Step[], log: (line: string) => void) {
  const e = BENCH.evaluationId;
  const batch = 5_000;
  const pools = [textPools.topicEs, textPools.topicEn, textPools.conversationEs, textPools.conversationEn];
  for (let from = 1; from <= BENCH.interviews; from += batch) {
    const to = Math.min(BENCH.interviews, from + batch - 1);
    await step(
      client,
      steps,
      `interviews ${from.toLocaleString("en")}-${to.toLocaleString("en")} (${BENCH.transcriptChars.toLocaleString("en")}-character transcripts, 10% translated)`,
      `
      INSERT INTO interview (id, evaluation_id, date, mode, place_id, language, duration_minutes, notes, transcript_original,
        transcript_language, transcript_translation, translation_language, version, created_at, updated_at)
      SELECT 'iv' || g, '${e}', date '2024-03-01' + (h >> 3) % 450, (ARRAY['IN_PERSON','PHONE','VIDEO'])[1 + h % 3]::interview_mode,
        'pl' || (4 + h % ${placeCount}), 'es', 30 + h % 90, 'Notas de campo de la entrevista ' || g,
        ${transcriptSql("($1::text[])", "($3::text[])", "Entrevistadora", BENCH.transcriptChars)}, 'es',
        CASE WHEN h % 10 = 0 THEN ${transcriptSql("($2::text[])", "($4::text[])", "Interviewer", BENCH.transcriptChars)} END,
        CASE WHEN h % 10 = 0 THEN 'en' END, 1, now(), timestamp '2024-03-01' + ((h >> 3) % 450) * interval '1 day'
      FROM (SELECT g, abs(hashint4(g + 55)) % ${TOPIC_COUNT} AS t, (abs(hashint4(g + 56)) % ${TOPIC_COUNT}) AS t2, abs(hashint4(g + 57)) AS h
              FROM generate_series(${from}, ${to}) g) bits`,
      pools,
    );
    log(`  ${steps.at(-1)!.label}: ${steps.at(-1)!.seconds.toFixed(1)} s`);
  }
  await step(
    client,
    steps,
    "interview respondents, interviewers, projects",
    `
    INSERT INTO interview_respondent (id, evaluation_id, interview_id, respondent_id, updated_at)
      SELECT 'ir' || g, '${e}', 'iv' || g, 'r' || (1 + g % ${BENCH.respondents}), now() FROM generate_series(1, ${BENCH.interviews}) g;
    INSERT INTO interview_respondent (id, evaluation_id, interview_id, respondent_id, updated_at)
      SELECT 'ir2-' || g, '${e}', 'iv' || g, 'r' || (1 + (g + 7919) % ${BENCH.respondents}), now() FROM generate_series(1, ${BENCH.interviews}, 3) g;
    INSERT INTO interview_interviewer (id, evaluation_id, interview_id, user_id, updated_at)
      SELECT 'ii' || g, '${e}', 'iv' || g, 'u' || (2 + g % 11), now() FROM generate_series(1, ${BENCH.interviews}) g;
    INSERT INTO interview_project (id, evaluation_id, interview_id, project_id, updated_at)
      SELECT 'ip' || g, '${e}', 'iv' || g, 'pr' || (1 + g % 19), now() FROM generate_series(1, ${BENCH.interviews}) g;`,
  );
  await step(
    client,
    steps,
    `${BENCH.focusGroups.toLocaleString("en")} focus groups (10,000-character transcripts) with participants`,
    `
    INSERT INTO focus_group (id, evaluation_id, date, place_id, topic, language, anonymous_participant_count, notes,
      transcript_original, transcript_language, version, created_at, updated_at)
    SELECT 'fg' || g, '${e}', date '2024-03-01' + (h >> 3) % 450, 'pl' || (4 + h % ${placeCount}), ($3::text[])[t * ${TITLES_PER_TOPIC} + 1],
      'es', h % 6, 'Notas del grupo focal ' || g, ${transcriptSql("($1::text[])", "($2::text[])", "Facilitadora", 10_000)}, 'es', 1, now(),
      timestamp '2024-03-01' + ((h >> 3) % 450) * interval '1 day'
    FROM (SELECT g, abs(hashint4(g + 91)) % ${TOPIC_COUNT} AS t, abs(hashint4(g + 92)) % ${TOPIC_COUNT} AS t2, abs(hashint4(g + 93)) AS h
            FROM generate_series(1, ${BENCH.focusGroups}) g) bits`,
    [textPools.topicEs, textPools.conversationEs, textPools.titleEs],
  );
  await step(
    client,
    steps,
    "focus-group participants, facilitators, projects",
    `
    INSERT INTO focus_group_participant (id, evaluation_id, focus_group_id, respondent_id, updated_at)
      SELECT 'fp' || g || '-' || k, '${e}', 'fg' || g, 'r' || (1 + (g * 17 + k * 101) % ${BENCH.respondents}), now()
        FROM generate_series(1, ${BENCH.focusGroups}) g, generate_series(1, 4) k;
    INSERT INTO focus_group_facilitator (id, evaluation_id, focus_group_id, user_id, updated_at)
      SELECT 'ff' || g, '${e}', 'fg' || g, 'u' || (2 + g % 11), now() FROM generate_series(1, ${BENCH.focusGroups}) g;
    INSERT INTO focus_group_project (id, evaluation_id, focus_group_id, project_id, updated_at)
      SELECT 'fj' || g, '${e}', 'fg' || g, 'pr' || (1 + g % 19), now() FROM generate_series(1, ${BENCH.focusGroups}) g;`,
  );
}

/** A few rows in the second evaluation, with words the searches use: they must never be returned. */
async function otherEvaluation(client: pg.Client, steps: Step[]) {
  const o = BENCH.otherEvaluationId;
  await step(
    client,
    steps,
    "the other evaluation's rows",
    `
    INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language, change_type, stage, author_id, updated_at)
      SELECT 'ost' || g, '${o}', 'CS-' || g, g, 'Niños en la escuela (otra evaluación)', 'Los niños trabajadores dejaron el corte.', 'Importa.', 'es', 'POSITIVE', 'SCREENED', 'u20', now()
        FROM generate_series(1, 50) g;
    INSERT INTO interview (id, evaluation_id, date, mode, language, transcript_original, transcript_language, updated_at)
      SELECT 'oiv' || g, '${o}', '2024-06-01', 'PHONE', 'es', 'Los niños ya no trabajan en la cosecha.', 'es', now() FROM generate_series(1, 50) g;`,
  );
}

/**
 * The generated texts repeat a few hundred sentences, so every whole word is common. A rare word
 * (a community named in 20 stories and the notes of 10 interviews) shows what a search that
 * matches almost nothing costs.
 */
export const RARE_WORD = "tlaxcalteca";

export async function addRareWord(client: pg.Client, steps: Step[]) {
  const e = BENCH.evaluationId;
  await step(
    client,
    steps,
    `a rare word ("${RARE_WORD}") in 20 stories and 10 interviews`,
    `
    UPDATE change_story SET why_significant = why_significant || ' Lo cuenta la comunidad ${RARE_WORD}.'
     WHERE evaluation_id = '${e}' AND code_number % ${Math.max(1, Math.floor(BENCH.stories / 20))} = 0;
    UPDATE interview SET notes = notes || ', con la comunidad ${RARE_WORD}'
     WHERE evaluation_id = '${e}' AND id IN (SELECT 'iv' || g FROM generate_series(${Math.max(1, Math.floor(BENCH.interviews / 10))}, ${BENCH.interviews}, ${Math.max(1, Math.floor(BENCH.interviews / 10))}) g);`,
  );
}

/** Generates everything, then VACUUM ANALYZE (what autovacuum does after a bulk load). */
export async function generateFieldwork(client: pg.Client, log: (line: string) => void): Promise<Step[]> {
  const steps: Step[] = [];
  await setup(client, steps);
  await stories(client, steps);
  await respondents(client, steps);
  await interviews(client, steps, log);
  await otherEvaluation(client, steps);
  await addRareWord(client, steps);
  const roundsSeconds = await ensureSelectionRounds(client);
  if (roundsSeconds !== null)
    steps.push({ label: "a domain panel of 7 and 3 rounds of 20 candidates with ballots", seconds: roundsSeconds });
  await step(client, steps, "VACUUM ANALYZE", "VACUUM ANALYZE");
  return steps;
}
