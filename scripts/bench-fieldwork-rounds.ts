/**
 * The selection rounds of the fieldwork benchmark's data, so `npm run bench:pages` measures the
 * round page on the same evaluation as the lists: one domain panel of 7 panelists (the five
 * PANELIST members u16-u20 and two more, u21 and u22) and three rounds of 20 candidates each, the
 * stories of domain 1 at the matching stage, each with two figures and a storyteller:
 * - "br-open": SCORING 1-5, open until a month from now; 5 of the 7 panelists have scored every
 *   candidate with a reason (so the lead's page offers the reminder to the other two);
 * - "br-closed": RANKING, closed, every panelist ranked 5 candidates; the lead is to decide;
 * - "br-decided": RANKING, decided: 3 stories selected with the panel's reasons, feedback to the
 *   storytellers of all 20, and a dissent.
 */
import type pg from "pg";
import { BENCH } from "./bench-fieldwork-data";

export const BENCH_ROUNDS = { open: "br-open", closed: "br-closed", decided: "br-decided" } as const;
/** A panelist who sits on the panel and has scored the open round. */
export const BENCH_PANELIST = "u16";

const PANELISTS = ["u16", "u17", "u18", "u19", "u20", "u21", "u22"];
const CANDIDATES = 20;

/** The round, the stage its candidates are at, and how far past the others' candidates they start. */
const ROUNDS = [
  { id: BENCH_ROUNDS.open, name: "Ronda abierta", stage: "IN_SELECTION", skip: 0, status: "OPEN", method: "SCORING" },
  {
    id: BENCH_ROUNDS.closed,
    name: "Ronda cerrada",
    stage: "IN_SELECTION",
    skip: CANDIDATES,
    status: "CLOSED",
    method: "RANKING",
  },
  {
    id: BENCH_ROUNDS.decided,
    name: "Ronda decidida",
    stage: "SELECTED",
    skip: 0,
    status: "DECIDED",
    method: "RANKING",
  },
] as const;

/** Adds the panel and its rounds unless this (kept) database has them; returns the seconds it took, or null. */
export async function ensureSelectionRounds(client: pg.Client): Promise<number | null> {
  const e = BENCH.evaluationId;
  const existing = await client.query("SELECT 1 FROM selection_round WHERE evaluation_id = $1 AND id = $2", [
    e,
    BENCH_ROUNDS.decided,
  ]);
  if (existing.rowCount) return null;
  const started = performance.now();
  await client.query("BEGIN");
  await client.query(`
    INSERT INTO app_user (id, email, name, updated_at)
      SELECT id, id || '@bench.example', 'Persona ' || substr(id, 2), now() FROM unnest('{u21,u22}'::text[]) id;
    INSERT INTO evaluation_member (id, evaluation_id, user_id, roles, updated_at)
      SELECT 'm' || substr(id, 2), '${e}', id, '{PANELIST}', now() FROM unnest('{u21,u22}'::text[]) id;
    INSERT INTO selection_panel (id, evaluation_id, name, level, domain_id, updated_at)
      VALUES ('bpanel', '${e}', 'Panel del dominio 1', 'DOMAIN', 'd1', now());
    INSERT INTO panel_member (id, evaluation_id, panel_id, user_id, created_at, updated_at)
      SELECT 'bpm-' || u, '${e}', 'bpanel', u, timestamp '2025-01-10' + i * interval '1 minute', now()
        FROM unnest('{${PANELISTS.join(",")}}'::text[]) WITH ORDINALITY AS p(u, i);`);
  for (const round of ROUNDS) {
    const deadline = round.status === "OPEN" ? "now() + interval '30 days'" : "timestamp '2025-02-28 18:00'";
    await client.query(
      `INSERT INTO selection_round (id, evaluation_id, panel_id, name, domain_id, method, score_scale_max, select_count,
         opens_at, deadline, closed_at, results_hidden_until_closed, status, version, updated_at)
       VALUES ($1, '${e}', 'bpanel', $2, 'd1', $3::voting_method, $4, 3, timestamp '2025-02-01', ${deadline},
         $5, true, $6::selection_round_status, 3, now())`,
      [
        round.id,
        `${round.name} del dominio 1`,
        round.method,
        round.method === "SCORING" ? 5 : null,
        round.status === "OPEN" ? null : new Date("2025-02-28T18:00:00Z"),
        round.status,
      ],
    );
    // The candidates: stories of domain 1 (current primary) at the round's stage, by code.
    await client.query(
      `INSERT INTO round_candidate (id, evaluation_id, round_id, story_id, updated_at)
       SELECT $1 || '-c' || s.code_number, '${e}', $1, s.id, now()
         FROM change_story s
        WHERE s.evaluation_id = '${e}' AND s.stage = $2::story_stage
          AND EXISTS (SELECT 1 FROM domain_assignment d WHERE d.evaluation_id = s.evaluation_id AND d.story_id = s.id
                        AND d.domain_id = 'd1' AND d.kind = 'PRIMARY' AND d.ended_at IS NULL)
        ORDER BY s.code_number OFFSET ${round.skip} LIMIT ${CANDIDATES}`,
      [round.id, round.stage],
    );
  }
  // NOT_SELECTED stories join the decided round's three SELECTED ones.
  await client.query(`
    DELETE FROM round_candidate WHERE round_id = '${BENCH_ROUNDS.decided}'
      AND id NOT IN (SELECT id FROM round_candidate WHERE round_id = '${BENCH_ROUNDS.decided}' ORDER BY id LIMIT 3);
    INSERT INTO round_candidate (id, evaluation_id, round_id, story_id, updated_at)
      SELECT '${BENCH_ROUNDS.decided}-c' || s.code_number, '${e}', '${BENCH_ROUNDS.decided}', s.id, now()
        FROM change_story s
       WHERE s.evaluation_id = '${e}' AND s.stage = 'NOT_SELECTED'
         AND EXISTS (SELECT 1 FROM domain_assignment d WHERE d.evaluation_id = s.evaluation_id AND d.story_id = s.id
                       AND d.domain_id = 'd1' AND d.kind = 'PRIMARY' AND d.ended_at IS NULL)
       ORDER BY s.code_number LIMIT ${CANDIDATES - 3};`);
  await client.query(`
    INSERT INTO story_figure (id, evaluation_id, story_id, position, label, qualifier, value, value_max, unit, updated_at)
      SELECT c.id || '-f' || k, '${e}', c.story_id, k,
             CASE WHEN k = 1 THEN 'Trabajadoras con contrato' ELSE 'Aumento del salario' END,
             CASE WHEN k = 1 THEN 'EXACT' ELSE 'RANGE' END::figure_qualifier,
             CASE WHEN k = 1 THEN 40 + abs(hashtext(c.id)) % 200 ELSE 8.5 END,
             CASE WHEN k = 2 THEN 12.25 END, CASE WHEN k = 1 THEN 'personas' ELSE '%' END, now()
        FROM round_candidate c, generate_series(1, 2) k WHERE c.evaluation_id = '${e}' AND c.round_id LIKE 'br-%';
    INSERT INTO story_teller (id, evaluation_id, story_id, respondent_id, updated_at)
      SELECT c.id || '-t', '${e}', c.story_id, 'r' || (1 + abs(hashtext(c.id)) % ${BENCH.respondents}), now()
        FROM round_candidate c WHERE c.evaluation_id = '${e}' AND c.round_id LIKE 'br-%';`);
  // Open round: five panelists scored every candidate. Closed and decided: all seven ranked five.
  await client.query(`
    INSERT INTO ballot (id, evaluation_id, round_id, story_id, panelist_id, score, reason, updated_at)
      SELECT c.id || '-' || u, '${e}', c.round_id, c.story_id, u, 1 + abs(hashtext(c.id || u)) % 5,
             'El cambio lo cuentan varias personas y se sostiene en el tiempo; por eso le doy esta puntuación.', now()
        FROM round_candidate c, unnest('{${PANELISTS.slice(0, 5).join(",")}}'::text[]) WITH ORDINALITY AS p(u, i)
       WHERE c.evaluation_id = '${e}' AND c.round_id = '${BENCH_ROUNDS.open}';
    INSERT INTO ballot (id, evaluation_id, round_id, story_id, panelist_id, rank, reason, updated_at)
      SELECT ranked.id || '-' || ranked.u, '${e}', ranked.round_id, ranked.story_id, ranked.u, ranked.rank,
             'Es el cambio más significativo para las trabajadoras: lo muestran las cifras y los testimonios.', now()
        FROM (SELECT c.*, p.u, row_number() OVER (PARTITION BY c.round_id, p.u ORDER BY hashtext(c.id || p.u)) AS rank
                FROM round_candidate c, unnest('{${PANELISTS.join(",")}}'::text[]) WITH ORDINALITY AS p(u, i)
               WHERE c.evaluation_id = '${e}' AND c.round_id IN ('${BENCH_ROUNDS.closed}', '${BENCH_ROUNDS.decided}')) ranked
       WHERE ranked.rank <= 5;`);
  await client.query(`
    INSERT INTO selection_decision (id, evaluation_id, round_id, decided_by_id, decided_at, dissent, updated_at)
      VALUES ('bdecision', '${e}', '${BENCH_ROUNDS.decided}', 'u1', timestamp '2025-03-03 12:00',
              'Una panelista habría seleccionado también la historia sobre la inspección del trabajo.', now());
    INSERT INTO selected_story (id, evaluation_id, decision_id, story_id, reason, updated_at)
      SELECT 'bsel-' || c.story_id, '${e}', 'bdecision', c.story_id,
             'El panel la seleccionó porque muestra un cambio profundo en la vida de las trabajadoras.', now()
        FROM round_candidate c JOIN change_story s ON s.id = c.story_id AND s.evaluation_id = c.evaluation_id
       WHERE c.round_id = '${BENCH_ROUNDS.decided}' AND s.stage = 'SELECTED';
    INSERT INTO storyteller_feedback (id, evaluation_id, decision_id, story_id, language, text, updated_at)
      SELECT 'bfb-' || c.story_id, '${e}', 'bdecision', c.story_id, 'es',
             'Gracias por su historia. El panel valoró lo que cuenta y le explica aquí por qué la seleccionó o no.', now()
        FROM round_candidate c WHERE c.round_id = '${BENCH_ROUNDS.decided}';
    ANALYZE selection_round, round_candidate, ballot, story_figure, story_teller, panel_member;`);
  await client.query("COMMIT");
  return (performance.now() - started) / 1000;
}
