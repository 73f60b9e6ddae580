/**
 * The ballots export: every ballot of the rounds whose results the reader may see, and of closed
 * rounds only. Who sees a round follows lib/selection/policy.ts (`canSeeRound`: leads every round,
 * panelists the rounds of panels they sit on); whose ballots may be read follows `canSeeResults`,
 * narrowed to closed rounds: an open round's ballots are never exported, even where its tally is
 * shown, since a panelist may still change them. A reason is free text; the panelists' names are
 * the team's, never respondents'.
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SelectionRoundStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { exportsBallots } from "@/lib/selection/policy";
import { forEachBatch } from "../data";
import { dated, labelled, type ExportTable } from "./columns";
import { plainFilters } from "./outcomes";

const ROUND_STATUSES: readonly SelectionRoundStatus[] = ["DRAFT", "OPEN", "CLOSED", "DECIDED", "CANCELLED"];

/** The round statuses whose ballots may leave, whether or not results were hidden until closing (the policy's rule). */
export const EXPORTED_ROUND_STATUSES = ROUND_STATUSES.filter(
  (status) =>
    exportsBallots({ status, resultsHiddenUntilClosed: true }) &&
    exportsBallots({ status, resultsHiddenUntilClosed: false }),
);

const ballotFilters = z.object({
  round: idSchema.optional(),
});
type BallotFilters = z.infer<typeof ballotFilters>;

type BallotRow = {
  roundName: string;
  panelName: string;
  method: string;
  storyCode: string;
  panelist: string;
  rank: number | null;
  score: number | null;
  approved: boolean | null;
  reason: string;
  castAt: Date;
};

export const ballotsExport: ExportTable<BallotRow, BallotFilters> = {
  permission: "selection.manage",
  // Panelists: the rounds of their own panels only (the feed's SQL).
  scopedPermission: "selection.vote",
  recordType: "Ballot",
  action: "ballot.export",
  parse: (params) => plainFilters(ballotFilters, params),
  described: (filters) => ({ filters }),
  columns: () => [
    { key: "selection_round", kind: "text", value: (row) => row.roundName },
    { key: "panel", kind: "text", value: (row) => row.panelName },
    {
      key: "voting_method",
      kind: "text",
      value: (row, c) => labelled(row.method, (value) => `selection.methods.${value}.name`, c),
    },
    { key: "story_code", kind: "text", value: (row) => row.storyCode },
    { key: "panelist", kind: "text", value: (row) => row.panelist },
    { key: "rank", kind: "number", value: (row) => row.rank },
    { key: "score", kind: "number", value: (row) => row.score },
    {
      key: "approved",
      kind: "text",
      value: (row, c) =>
        row.approved === null
          ? null
          : c.labelled
            ? c.t(`exports.choices.yesNo.${row.approved ? "yes" : "no"}`)
            : String(row.approved),
    },
    { key: "reason", kind: "text", sensitivity: "freeText", value: (row) => row.reason },
    { key: "cast_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.castAt, c) },
  ],
  feed: (evaluationId, { user, roles }, filters, _level, sink) => {
    const statuses = Prisma.join(
      EXPORTED_ROUND_STATUSES.map((status) => Prisma.sql`${status}::selection_round_status`),
    );
    const conditions = [Prisma.sql`b.evaluation_id = ${evaluationId}`, Prisma.sql`r.status IN (${statuses})`];
    if (filters.round) conditions.push(Prisma.sql`r.id = ${filters.round}`);
    if (!can(roles, "selection.manage")) {
      conditions.push(
        Prisma.sql`EXISTS (SELECT 1 FROM panel_member pm WHERE pm.evaluation_id = r.evaluation_id AND pm.panel_id = r.panel_id AND pm.user_id = ${user.id})`,
      );
    }
    return forEachBatch(
      Prisma.sql`
        SELECT r.name AS "roundName", p.name AS "panelName", r.method::text AS method, s.code AS "storyCode", u.name AS panelist,
          b.rank, b.score, b.approved, b.reason, b.updated_at AS "castAt"
        FROM ballot b JOIN selection_round r ON r.evaluation_id = b.evaluation_id AND r.id = b.round_id
          JOIN selection_panel p ON p.evaluation_id = r.evaluation_id AND p.id = r.panel_id
          JOIN change_story s ON s.evaluation_id = b.evaluation_id AND s.id = b.story_id
          JOIN app_user u ON u.id = b.panelist_id
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY r.deadline, r.id, s.code_number, u.name, b.id`,
      sink,
    );
  },
};
