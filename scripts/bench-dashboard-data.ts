/**
 * What the dashboard's meta-monitoring, quantification and coverage views count, added to the
 * bench:fieldwork data (which has no storytellers, figures, tags, sources, contributions,
 * selection or validation): generated inside PostgreSQL, repeatable (`hashint4` of the row).
 * Per story: one storyteller (30% two), one source interview, a contributing project (half),
 * figures (half one, a fifth two; labels varying in case and accents), at-risk tags (a quarter).
 * A tenth of the stories are candidates of 20 decided approval rounds (5 panels) with 3 ballots
 * each and feedback for 70%; 3 validation rounds sample 1.5% of respondents each.
 */
import type pg from "pg";
import { BENCH } from "./bench-fieldwork-data";

/** The dashboard's views a benchmark measures: no filter and each filter, as URL parameters. */
export const DASHBOARD_CASES: Array<{ label: string; query: Record<string, string> }> = [
  { label: "no filter", query: {} },
  { label: "domain", query: { domain: "d1" } },
  { label: "state", query: { state: "Oaxaca" } },
  { label: "project", query: { project: "pr1" } },
  { label: "period (2021)", query: { from: "2021-01-01", to: "2021-12-31" } },
  { label: "change type (negative)", query: { changeType: "NEGATIVE" } },
];

export async function generateDashboardExtras(client: pg.Client, log: (line: string) => void): Promise<void> {
  const e = BENCH.evaluationId;
  const stories = `(SELECT g, abs(hashint4(g + 777)) AS h FROM generate_series(1, ${BENCH.stories}) g) bits`;
  const steps: Array<[string, string]> = [
    [
      "storytellers",
      `
      INSERT INTO story_teller (id, evaluation_id, story_id, respondent_id, updated_at)
      SELECT 'stt' || g, '${e}', 'st' || g, 'r' || (1 + (g * 13) % ${BENCH.respondents}), now() FROM ${stories};
      INSERT INTO story_teller (id, evaluation_id, story_id, respondent_id, updated_at)
      SELECT 'stt2-' || g, '${e}', 'st' || g, 'r' || (1 + (g * 29 + 7) % ${BENCH.respondents}), now() FROM ${stories} WHERE h % 10 < 3
      ON CONFLICT DO NOTHING`,
    ],
    [
      "sources and contributions",
      `
      INSERT INTO story_source (id, evaluation_id, story_id, interview_id, updated_at)
      SELECT 'ss' || g, '${e}', 'st' || g, 'iv' || (1 + (g * 7) % ${BENCH.interviews}), now() FROM ${stories};
      INSERT INTO story_contribution (id, evaluation_id, story_id, project_id, how_contributed, updated_at)
      SELECT 'sc' || g, '${e}', 'st' || g, 'pr' || (1 + h % 19), 'Capacitación y acompañamiento.', now() FROM ${stories} WHERE h % 2 = 0`,
    ],
    [
      "figures and at-risk tags",
      `
      INSERT INTO story_figure (id, evaluation_id, story_id, position, label, qualifier, value, value_max, unit, updated_at)
      SELECT 'sf' || g, '${e}', 'st' || g, 1, (ARRAY['Comunidades', 'comunidades', 'Casos resueltos en 45 días', 'casos resueltos en 45 dias', 'Trabajadoras afiliadas'])[1 + h % 5],
             CASE WHEN h % 17 = 0 THEN 'MORE_THAN' ELSE 'EXACT' END::figure_qualifier, 1 + h % 500, NULL,
             (ARRAY[NULL, NULL, '%', '%', 'personas'])[1 + h % 5], now()
        FROM ${stories} WHERE h % 2 = 1
      -- The selection rounds' candidates (bench-fieldwork-rounds.ts) already have figures 1 and 2.
      ON CONFLICT DO NOTHING;
      INSERT INTO story_figure (id, evaluation_id, story_id, position, label, qualifier, value, value_max, unit, updated_at)
      SELECT 'sf2-' || g, '${e}', 'st' || g, 2, 'Meses de espera', 'RANGE', 1, 9, 'meses', now() FROM ${stories} WHERE h % 5 = 0
      ON CONFLICT DO NOTHING;
      INSERT INTO story_at_risk_group (id, evaluation_id, story_id, group_id, updated_at)
      SELECT 'sag' || g, '${e}', 'st' || g, CASE WHEN h % 8 < 2 THEN 'ag1' ELSE 'ag2' END, now() FROM ${stories} WHERE h % 8 < 3`,
    ],
    [
      "panels, decided rounds, candidates, ballots, decisions, feedback",
      `
      INSERT INTO selection_panel (id, evaluation_id, name, level, domain_id, updated_at)
      SELECT 'pn' || d, '${e}', 'Panel ' || d, 'DOMAIN', 'd' || d, now() FROM generate_series(1, 5) d;
      INSERT INTO panel_member (id, evaluation_id, panel_id, user_id, updated_at)
      SELECT 'pm' || d || '-' || u, '${e}', 'pn' || d, 'u' || u, now() FROM generate_series(1, 5) d, generate_series(16, 19) u;
      INSERT INTO selection_round (id, evaluation_id, panel_id, name, domain_id, method, deadline, closed_at, status, updated_at)
      SELECT 'rd' || r, '${e}', 'pn' || (1 + r % 5), 'Ronda ' || r, 'd' || (1 + r % 5), 'APPROVAL', '2025-01-01', '2025-01-01', 'DECIDED', now() FROM generate_series(1, 20) r;
      INSERT INTO round_candidate (id, evaluation_id, round_id, story_id, updated_at)
      SELECT 'rc' || g, '${e}', 'rd' || (1 + (g / 10) % 20), 'st' || g, now() FROM ${stories} WHERE g % 10 = 0;
      INSERT INTO ballot (id, evaluation_id, round_id, story_id, panelist_id, approved, reason, updated_at)
      SELECT 'bl' || g || '-' || u, '${e}', 'rd' || (1 + (g / 10) % 20), 'st' || g, 'u' || u, (h + u) % 3 = 0, 'Razón del voto.', now()
        FROM ${stories}, generate_series(16, 18) u WHERE g % 10 = 0;
      INSERT INTO selection_decision (id, evaluation_id, round_id, decided_by_id, dissent, updated_at)
      SELECT 'dc' || r, '${e}', 'rd' || r, 'u1', CASE WHEN r % 3 = 0 THEN 'Una persona del panel prefería otra historia.' END, now() FROM generate_series(1, 20) r;
      INSERT INTO selected_story (id, evaluation_id, decision_id, story_id, reason, updated_at)
      SELECT 'ss-' || g, '${e}', 'dc' || (1 + (g / 10) % 20), 'st' || g, 'Cambio profundo y sostenido.', now() FROM ${stories} WHERE g % 10 = 0 AND h % 3 = 0;
      INSERT INTO storyteller_feedback (id, evaluation_id, decision_id, story_id, language, text, updated_at)
      SELECT 'fb' || g, '${e}', 'dc' || (1 + (g / 10) % 20), 'st' || g, 'es', 'Gracias por su historia.', now() FROM ${stories} WHERE g % 10 = 0 AND h % 10 < 7`,
    ],
    [
      "validation rounds, samples, responses",
      `
      INSERT INTO validation_round (id, evaluation_id, name, starts_on, ends_on, method, status, updated_at)
      SELECT 'vr' || v, '${e}', 'Validación ' || v, make_date(2025, v, 1), make_date(2025, v, 28), 'INTERVIEW', 'OPEN', now() FROM generate_series(1, 3) v;
      INSERT INTO story_revision (id, evaluation_id, story_id, version, snapshot, edited_by_id, updated_at)
      SELECT 'rv' || g, '${e}', 'st' || g, 1000, '{}', 'u2', now() FROM generate_series(1, 30) g;
      INSERT INTO validation_round_story (id, evaluation_id, validation_round_id, story_id, story_revision_id, updated_at)
      SELECT 'vs' || g, '${e}', 'vr' || (1 + g % 3), 'st' || g, 'rv' || g, now() FROM generate_series(1, 30) g;
      INSERT INTO validation_sample_member (id, evaluation_id, validation_round_id, respondent_id, stratum, updated_at)
      SELECT 'vm' || v || '-' || r.id, '${e}', 'vr' || v, r.id, r.type || '|' || r.state || '|' || r.gender, now()
        FROM respondent r, generate_series(1, 3) v
       WHERE r.evaluation_id = '${e}' AND r.excluded_at IS NULL AND abs(hashint4(r.code_number + v)) % 1000 < 15;
      INSERT INTO validation_response (id, evaluation_id, validation_round_id, respondent_id, story_id, story_revision_id, verdict, recorded_by_id, updated_at)
      SELECT 'vp' || m.id, '${e}', m.validation_round_id, m.respondent_id, vs.story_id, vs.story_revision_id, 'CONFIRMS', 'u2', now()
        FROM validation_sample_member m
        JOIN LATERAL (SELECT * FROM validation_round_story x WHERE x.validation_round_id = m.validation_round_id ORDER BY x.id LIMIT 1) vs ON TRUE
       WHERE m.evaluation_id = '${e}' AND abs(hashtext(m.id)) % 10 < 6`,
    ],
  ];
  for (const [label, sql] of steps) {
    const started = performance.now();
    await client.query(sql);
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query("ANALYZE");
}
