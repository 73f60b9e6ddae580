/**
 * No drift: a database migrated from prisma/migrations has exactly what prisma/schema.prisma
 * describes, plus the hand-written objects named below and nothing else.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSchemaEngine } from "@/lib/db/schema-engine";
import { applyMigrations, migrationsDir, NO_FILTER, readMigrations, schemaPath } from "@/lib/db/migrations";
import { openTestDatabase, type TestDatabase } from "../support/test-database";

/** Objects the init migration adds by hand because Prisma's schema language cannot say them. */
const HAND_WRITTEN = [
  "extension:unaccent",
  // Kept with each figure for the dashboard's grouping (decision 0049); the app never writes it.
  "column:story_figure.label_key",
  ...["msc_es", "msc_en", "msc_simple"].map((name) => `text search configuration:${name}`),
  ...[
    "msc_search_config",
    "msc_text_vector",
    "change_story_search_vector_update",
    "interview_search_vector_update",
    "focus_group_search_vector_update",
    "audit_event_append_only",
    // The dashboard's story tally (decision 0049).
    "story_tally_refresh",
    "story_tally_refresh_interviews",
    "story_tally_story_added",
    "story_tally_story_rows_changed",
    "story_tally_respondent_groups_changed",
    "story_tally_respondent_changed",
    "story_tally_interviewers_changed",
    "story_tally_excerpt_changed",
    "story_tally_place_changed",
    // The story's own fields and its primary domain in the tally (decision 0051).
    "story_tally_story_changed",
    "story_tally_domains_changed",
    // The story counts summed from the tally (decision 0053).
    "story_count_keys",
    "story_count_add",
    "story_count_tally_changed",
    "story_count_fold",
  ].map((name) => `function:${name}`),
  ...[
    "change_story_search_vector",
    "interview_search_vector",
    "focus_group_search_vector",
    "audit_event_no_update_or_delete",
    "audit_event_no_truncate",
    "story_tally_story_added",
    "story_tally_story_changed",
    ...[
      "tellers",
      "sources",
      "places",
      "respondent_groups",
      "interviewers",
      "domains",
      "contributions",
      "story_groups",
    ].flatMap((rows) => ["added", "changed", "removed"].map((event) => `story_tally_${rows}_${event}`)),
    "story_tally_respondent_changed",
    "story_tally_excerpt_changed",
    "story_tally_place_changed",
    ...["added", "changed", "removed"].map((event) => `story_count_tally_${event}`),
  ].map((name) => `trigger:${name}`),
  ...[
    "evaluation_period_check",
    "evaluation_member_roles_check",
    "consent_withdrawal_check",
    "interview_duration_check",
    "focus_group_anonymous_count_check",
    "transcript_excerpt_source_check",
    "transcript_excerpt_offsets_check",
    "change_story_period_check",
    "story_figure_range_check",
    "story_source_kind_check",
    "domain_assignment_ended_check",
    "selection_panel_level_check",
    "selection_round_scale_check",
    "ballot_one_vote_check",
    "validation_round_dates_check",
    "validation_response_resolution_check",
    "validation_response_outcome_check",
    "review_return_comment_check",
    "learning_audience_check",
    "learning_at_risk_group_id_check",
    "learning_single_check",
    "learning_position_check",
    "learning_text_body_check",
    "installation_settings_single_row_check",
    "project_dates_check",
    "place_country_code_check",
    "place_region_code_check",
    "evaluation_time_zone_check",
    "evidence_item_support_note_check",
    "fieldwork_plan_region_counts_check",
    "fieldwork_plan_region_region_check",
  ].map((name) => `constraint:${name}`),
  ...[
    "domain_one_other_per_evaluation",
    "story_source_interview_once",
    "story_source_focus_group_once",
    "story_source_excerpt_once",
    "domain_assignment_one_current_primary",
    "domain_assignment_one_current_per_domain",
    "audit_event_installation_sequence",
    "learning_at_risk_group_id_key",
    "audit_event_evaluation_action_prefix",
    "story_count_folded_key",
  ].map((name) => `index:${name}`),
].sort();

/** Every schema object of the public schema as "kind:name" → definition. */
async function describeDatabase(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const objects = new Map<string, string>();
  const add = (kind: string, name: string, definition: unknown) =>
    objects.set(`${kind}:${name}`, JSON.stringify(definition));
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, udt_name, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const c of columns.rows)
      add("column", `${c.table_name}.${c.column_name}`, [c.udt_name, c.is_nullable, c.column_default]);
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const i of indexes.rows) add("index", i.indexname, i.indexdef);
    const constraints = await client.query(
      `SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
        WHERE c.connamespace = 'public'::regnamespace AND t.relname <> '_prisma_migrations'`,
    );
    for (const c of constraints.rows) add("constraint", c.conname, c.def);
    const enums = await client.query(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
    );
    for (const e of enums.rows) add("enum", e.typname, e.labels);
    // Functions that extensions install are the extension's, not ours.
    const functions = await client.query(
      `SELECT p.proname, pg_get_functiondef(p.oid) AS def FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    );
    for (const f of functions.rows) add("function", f.proname, f.def);
    const triggers = await client.query(
      `SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE NOT tgisinternal`,
    );
    for (const t of triggers.rows) add("trigger", t.tgname, t.def);
    const configs = await client.query(`SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'public'::regnamespace`);
    for (const c of configs.rows) add("text search configuration", c.cfgname, null);
    const extensions = await client.query(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`);
    for (const e of extensions.rows) add("extension", e.extname, null);
  } finally {
    await client.end();
  }
  return objects;
}

describe("migrations", () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    [migrated, fromSchema] = await Promise.all([openTestDatabase(), openTestDatabase({ migrate: false })]);
    const datamodel = readFileSync(schemaPath, "utf8");
    const { engine, close } = await openSchemaEngine(datamodel, fromSchema.url);
    try {
      const { stdout } = await engine.diff({
        from: { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] },
        script: true,
        exitCode: null,
        filters: NO_FILTER,
      });
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query(stdout!);
      await client.end();
    } finally {
      await close();
    }
  });

  afterAll(async () => {
    await Promise.all([migrated?.close(), fromSchema?.close()]);
  });

  it("build the database prisma/schema.prisma describes, plus the hand-written objects only", async () => {
    const [actual, expected] = await Promise.all([describeDatabase(migrated.url), describeDatabase(fromSchema.url)]);
    const missing = [...expected].filter(([key, def]) => actual.get(key) !== def).map(([key]) => key);
    const extra = [...actual.keys()].filter((key) => !expected.has(key)).sort();
    expect(missing, "in schema.prisma but not (or differently) in the migrations: create a migration").toEqual([]);
    expect(extra).toEqual(HAND_WRITTEN);
  });

  it("record their bookkeeping as prisma migrate deploy does, and apply only once", async () => {
    const list = await readMigrations();
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(rows.map((row) => row.migration_name)).toEqual(list.migrationDirectories.map((dir) => dir.path));
      for (const row of rows) {
        const sql = readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }
    } finally {
      await client.end();
    }
    expect(await applyMigrations(migrated.url)).toEqual([]);
  });

  it("find stories across languages and accents with the hand-written search vectors", async () => {
    const { prisma } = migrated;
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO evaluation (id, name, client, evaluator_organisation, period_start, period_end, languages, updated_at)
        VALUES ('e1', 'E', 'C', 'O', '2024-01-01', '2025-01-01', '{ES,EN}', now())`);
      await client.query(`INSERT INTO app_user (id, email, name, updated_at) VALUES ('u1', 'a@b.example', 'A', now())`);
      await client.query(
        `INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language,
           title_translation, translation_language, change_type, author_id, updated_at)
         VALUES ('s1', 'e1', 'CS-0001', 1, 'Las niñas volvieron a la escuela', 'Menos trabajo infantil en los campos de café',
           'Porque las familias conocen sus derechos', 'es', 'Girls went back to school', 'en', 'POSITIVE', 'u1', now())`,
      );
      const search = async (query: string) =>
        (
          await client.query(
            `SELECT id FROM change_story
              WHERE search_vector @@ (websearch_to_tsquery('msc_es', $1) || websearch_to_tsquery('msc_en', $1))`,
            [query],
          )
        ).rows.map((row) => row.id);
      expect(await search("ninas")).toEqual(["s1"]); // accent-insensitive
      expect(await search("campo")).toEqual(["s1"]); // Spanish stemming
      expect(await search("schools")).toEqual(["s1"]); // English stemming, on the translation
      expect(await search("sindicato")).toEqual([]);
      await expect(client.query("UPDATE change_story SET title = 'x' WHERE id = 's1'")).resolves.toBeDefined();
      expect(await search("ninas")).toEqual([]); // the trigger keeps the vector current
    } finally {
      await client.end();
    }
    expect(prisma).toBeDefined();
  });

  it("refuse to change or delete audit events, for every role", async () => {
    const client = new pg.Client({ connectionString: migrated.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO audit_event (id, action, record_type, sequence, hash) VALUES ('a1', 'test.event', 'test', 1, 'h')`,
      );
      await expect(client.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
      await expect(client.query("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
      await expect(client.query("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
      const { rows } = await client.query("SELECT action FROM audit_event");
      expect(rows).toEqual([{ action: "test.event" }]);
    } finally {
      await client.end();
    }
  });
});
