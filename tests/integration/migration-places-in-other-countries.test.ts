/**
 * The migration that lets an evaluation work outside Mexico keeps every Mexican reference: places
 * keep their ids and names (their keys gain the "mx" part), respondents keep their state and count
 * as Mexican, and what pointed at a place still does. Afterwards the database itself refuses a
 * malformed country code, Mexico as a row, and a place in a country the evaluation does not have.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabaseBefore, type MigrationStep } from "../support/migration-step";

const MIGRATION = "20261206121537_places_in_other_countries";

let step: MigrationStep;
let client: MigrationStep["client"];

beforeAll(async () => {
  step = await openDatabaseBefore(MIGRATION);
  client = step.client;

  await client.query(`INSERT INTO evaluation (id, name, client, evaluator_organisation, period_start, period_end, languages, updated_at)
    VALUES ('e1', 'E1', 'C', 'O', '2024-01-01', '2025-01-01', '{ES,EN}', now()), ('e2', 'E2', 'C', 'O', '2024-01-01', '2025-01-01', '{ES}', now())`);
  await client.query(`INSERT INTO place (id, evaluation_id, state, municipality, community, key, updated_at)
    VALUES ('p1', 'e1', 'San Luis Potosí', NULL, NULL, 'san luis potosi||', now()),
           ('p2', 'e1', 'San Luis Potosí', 'Ciudad Valles', NULL, 'san luis potosi|ciudad valles|', now()),
           ('p3', 'e1', 'Nuevo León', 'Monterrey', 'Centro', 'nuevo leon|monterrey|centro', now())`);
  await client.query(`INSERT INTO respondent (id, evaluation_id, code, code_number, type, gender, state, place_id, language, updated_at)
    VALUES ('r1', 'e1', 'R-0001', 1, 'UNION_MEMBER', 'WOMAN', 'San Luis Potosí', 'p2', 'es', now()),
           ('r2', 'e1', 'R-0002', 2, 'UNION_MEMBER', 'MAN', 'Ciudad de México', NULL, 'es', now())`);

  await step.applyMigration();
}, 120_000);

afterAll(async () => {
  await step?.close();
});

const rows = (sql: string) => step.rows(sql);

describe("the places-in-other-countries migration", () => {
  it("keeps every Mexican place, with its id and names, under Mexico's key", async () => {
    expect(await rows(`SELECT id, country_code, state, municipality, community, key FROM place ORDER BY id`)).toEqual([
      {
        id: "p1",
        country_code: null,
        state: "San Luis Potosí",
        municipality: null,
        community: null,
        key: "mx|san luis potosi||",
      },
      {
        id: "p2",
        country_code: null,
        state: "San Luis Potosí",
        municipality: "Ciudad Valles",
        community: null,
        key: "mx|san luis potosi|ciudad valles|",
      },
      {
        id: "p3",
        country_code: null,
        state: "Nuevo León",
        municipality: "Monterrey",
        community: "Centro",
        key: "mx|nuevo leon|monterrey|centro",
      },
    ]);
  });

  it("keeps every respondent's state and place, as Mexican", async () => {
    expect(await rows(`SELECT id, country_code, state, place_id FROM respondent ORDER BY id`)).toEqual([
      { id: "r1", country_code: null, state: "San Luis Potosí", place_id: "p2" },
      { id: "r2", country_code: null, state: "Ciudad de México", place_id: null },
    ]);
  });

  it("refuses a malformed country code and Mexico as a row", async () => {
    for (const code of ["gt", "GTM", "G1", "MX", ""]) {
      await expect(
        client.query(
          `INSERT INTO place_country (id, evaluation_id, code, name_es, name_en, updated_at) VALUES ('c-${code}', 'e1', $1, 'X', 'X', now())`,
          [code],
        ),
      ).rejects.toThrow(/place_country_code_check/);
    }
  });

  it("refuses a place in a country the evaluation does not have, and a region code on a Mexican place", async () => {
    await client.query(
      `INSERT INTO place_country (id, evaluation_id, code, name_es, name_en, updated_at) VALUES ('gt2', 'e2', 'GT', 'Guatemala', 'Guatemala', now())`,
    );
    await expect(
      client.query(
        `INSERT INTO place (id, evaluation_id, country_code, state, key, updated_at) VALUES ('x1', 'e1', 'GT', 'Quetzaltenango', 'gt|quetzaltenango||', now())`,
      ),
    ).rejects.toThrow(/place_evaluation_id_country_code_fkey/);
    await expect(
      client.query(
        `INSERT INTO place (id, evaluation_id, state, region_code, key, updated_at) VALUES ('x2', 'e1', 'Jalisco', 'JA', 'mx|jalisco||', now())`,
      ),
    ).rejects.toThrow(/place_region_code_check/);
    await client.query(
      `INSERT INTO place (id, evaluation_id, country_code, state, region_code, key, updated_at) VALUES ('x3', 'e2', 'GT', 'Quetzaltenango', 'GT-QZ', 'gt|quetzaltenango||', now())`,
    );
    await expect(client.query(`UPDATE respondent SET country_code = 'GT' WHERE id = 'r1'`)).rejects.toThrow(
      /respondent_evaluation_id_country_code_fkey/,
    );
  });
});
