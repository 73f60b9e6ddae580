/**
 * The migration that turned at-risk groups into each evaluation's list keeps every tag: a
 * database at the migration before it, holding enum values on respondents, stories, learnings and
 * stored revisions, names the evaluation's new rows afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabaseBefore, type MigrationStep } from "../support/migration-step";

const MIGRATION = "20261206060636_at_risk_groups_list";

let step: MigrationStep;
let client: MigrationStep["client"];

beforeAll(async () => {
  step = await openDatabaseBefore(MIGRATION);
  client = step.client;

  await client.query(`INSERT INTO evaluation (id, name, client, evaluator_organisation, period_start, period_end, languages, updated_at)
    VALUES ('e1', 'E1', 'C', 'O', '2024-01-01', '2025-01-01', '{ES,EN}', now()), ('e2', 'E2', 'C', 'O', '2024-01-01', '2025-01-01', '{ES}', now())`);
  await client.query(`INSERT INTO app_user (id, email, name, updated_at) VALUES ('u1', 'a@b.example', 'A', now())`);
  await client.query(`INSERT INTO respondent (id, evaluation_id, code, code_number, type, gender, state, language, at_risk_groups, updated_at)
    VALUES ('r1', 'e1', 'R-0001', 1, 'UNION_MEMBER', 'WOMAN', 'Oaxaca', 'es', '{AT_RISK_UNIONIZED_WORKERS,WOMEN_WORKERS}', now()),
           ('r2', 'e1', 'R-0002', 2, 'UNION_MEMBER', 'MAN', 'Oaxaca', 'es', '{}', now())`);
  await client.query(`INSERT INTO change_story (id, evaluation_id, code, code_number, title, what_changed, why_significant, original_language, change_type, author_id, updated_at)
    VALUES ('s1', 'e1', 'CS-0001', 1, 'T', 'W', 'Y', 'es', 'POSITIVE', 'u1', now())`);
  await client.query(`INSERT INTO story_at_risk_group (id, evaluation_id, story_id, "group", note, updated_at)
    VALUES ('sg1', 'e1', 's1', 'CHILD_WORKERS_FAMILIES', 'Familias cañeras', now())`);
  await client.query(`INSERT INTO story_revision (id, evaluation_id, story_id, version, snapshot, edited_by_id, updated_at)
    VALUES ('sr1', 'e1', 's1', 1, '{"schemaVersion": 1, "code": "CS-0001", "atRiskGroups": [{"group": "WOMEN_WORKERS", "note": null}, {"group": "CHILD_WORKERS_FAMILIES", "note": "Familias cañeras"}]}', 'u1', now())`);
  await client.query(`INSERT INTO learning (id, evaluation_id, kind, position, at_risk_group, created_by_id, updated_at)
    VALUES ('l1', 'e1', 'AT_RISK_IMPACT', 1, 'WOMEN_WORKERS', 'u1', now()), ('l2', 'e1', 'LESSON', 1, NULL, 'u1', now())`);
  await client.query(`INSERT INTO learning_revision (id, evaluation_id, learning_id, version, snapshot, edited_by_id)
    VALUES ('lr1', 'e1', 'l1', 1, '{"audience": null, "atRiskGroup": "WOMEN_WORKERS", "storyIds": [], "domainIds": [], "texts": {}}', 'u1'),
           ('lr2', 'e1', 'l2', 1, '{"audience": null, "atRiskGroup": null, "storyIds": [], "domainIds": [], "texts": {}}', 'u1')`);

  await step.applyMigration();
}, 120_000);

afterAll(async () => {
  await step?.close();
});

const rows = (sql: string) => step.rows(sql);

describe("the at-risk groups migration", () => {
  it("gives every evaluation the five groups, with their labels and choice codes", async () => {
    const groups = await rows(
      `SELECT evaluation_id, position, code, name_es, name_en FROM at_risk_group ORDER BY evaluation_id, position`,
    );
    expect(groups).toHaveLength(10);
    expect(groups.slice(0, 5).map((row) => [row.position, row.code, row.name_es, row.name_en])).toEqual([
      [1, "women_workers", "Mujeres trabajadoras", "Women workers"],
      [2, "child_workers_families", "Familias de niñas y niños trabajadores", "Families of child workers"],
      [
        3,
        "domestic_migrant_or_indigenous_workers",
        "Personas trabajadoras migrantes internas o indígenas",
        "Domestic migrant or Indigenous workers",
      ],
      [4, "at_risk_unionized_workers", "Personas sindicalizadas en riesgo", "Unionized workers at risk"],
      [
        5,
        "unaffiliated_or_informal_workers",
        "Personas trabajadoras no afiliadas o informales",
        "Unaffiliated or informal workers",
      ],
    ]);
    expect(groups.slice(5).every((row) => row.evaluation_id === "e2")).toBe(true);
  });

  it("moves respondents', stories' and learnings' tags to the evaluation's own rows", async () => {
    const code = `(SELECT code FROM at_risk_group g WHERE g.evaluation_id = t.evaluation_id AND g.id = t.group_id)`;
    expect(
      await rows(`SELECT respondent_id, ${code} AS code FROM respondent_at_risk_group t ORDER BY respondent_id, code`),
    ).toEqual([
      { respondent_id: "r1", code: "at_risk_unionized_workers" },
      { respondent_id: "r1", code: "women_workers" },
    ]);
    expect(await rows(`SELECT story_id, note, ${code} AS code FROM story_at_risk_group t`)).toEqual([
      { story_id: "s1", note: "Familias cañeras", code: "child_workers_families" },
    ]);
    const learnings = await rows(
      `SELECT l.id, g.code FROM learning l LEFT JOIN at_risk_group g ON g.id = l.at_risk_group_id ORDER BY l.id`,
    );
    expect(learnings).toEqual([
      { id: "l1", code: "women_workers" },
      { id: "l2", code: null },
    ]);
  });

  it("rewrites stored revisions to name the new rows, so old revisions still show", async () => {
    const [women, families] = await rows(
      `SELECT id FROM at_risk_group WHERE evaluation_id = 'e1' AND position IN (1, 2) ORDER BY position`,
    );
    const [story] = await rows(`SELECT snapshot FROM story_revision WHERE id = 'sr1'`);
    expect(story.snapshot.atRiskGroups).toEqual([
      { id: women.id, position: 1, nameEn: "Women workers", nameEs: "Mujeres trabajadoras", note: null },
      {
        id: families.id,
        position: 2,
        nameEn: "Families of child workers",
        nameEs: "Familias de niñas y niños trabajadores",
        note: "Familias cañeras",
      },
    ]);
    const learnings = await rows(`SELECT id, snapshot FROM learning_revision ORDER BY id`);
    expect(learnings.map((row) => [row.id, row.snapshot.atRiskGroupId, "atRiskGroup" in row.snapshot])).toEqual([
      ["lr1", women.id, false],
      ["lr2", null, false],
    ]);
  });

  it("still allows one impact text per group, and only on impact texts", async () => {
    const [group] = await rows(`SELECT id FROM at_risk_group WHERE evaluation_id = 'e1' AND position = 1`);
    await expect(
      client.query(
        `INSERT INTO learning (id, evaluation_id, kind, position, at_risk_group_id, created_by_id, updated_at) VALUES ('l3', 'e1', 'AT_RISK_IMPACT', 2, '${group.id}', 'u1', now())`,
      ),
    ).rejects.toThrow(/learning_at_risk_group_id_key/);
    await expect(
      client.query(
        `INSERT INTO learning (id, evaluation_id, kind, position, at_risk_group_id, created_by_id, updated_at) VALUES ('l4', 'e1', 'LESSON', 2, '${group.id}', 'u1', now())`,
      ),
    ).rejects.toThrow(/learning_at_risk_group_id_check/);
    // Another evaluation's group cannot be named: the foreign key carries the evaluation.
    const [foreign] = await rows(`SELECT id FROM at_risk_group WHERE evaluation_id = 'e2' AND position = 2`);
    await expect(
      client.query(
        `INSERT INTO respondent_at_risk_group (evaluation_id, respondent_id, group_id) VALUES ('e1', 'r2', '${foreign.id}')`,
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
