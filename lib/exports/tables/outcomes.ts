/**
 * The evidence and validation-response exports. Neither has a paged list with a URL schema of its
 * own, so each takes a few plain filters (refused when malformed, as a list refuses a filter it
 * does not know how to read) and reads its rows in one query through the export cursor, in
 * story-code order. Evidence: the triangulation readers (analysts, evaluators, leads) and
 * reviewers, who read approved outcomes only. Validation responses: those who record validation;
 * the respondent's name only at the identified level.
 */
import { z } from "zod";
import { idSchema } from "@/lib/core/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";
import { openIdentitiesForExport } from "@/lib/respondents/identity-export";
import { STORY_STAGES } from "@/lib/stories/schema";
import type { SearchParams } from "@/lib/tables/url-state";
import { SOURCE_TYPES, STANCES } from "@/lib/triangulation/types";
import { forEachBatch } from "../data";
import { EXPORT_PARAMS } from "../levels";
import { dated, labelled, type ExportTable } from "./columns";

/** A story code as the pages write it ("CS-0007"). */
const storyCode = z.string().regex(/^CS-\d{1,9}$/);

/** The table's own filters from the query: empty values ignored, a repeated or malformed one refused (null). */
export function plainFilters<S extends z.ZodType>(schema: S, params: SearchParams): z.infer<S> | null {
  const own = Object.fromEntries(
    Object.entries(params).filter(
      ([key, value]) => !(EXPORT_PARAMS as readonly string[]).includes(key) && value !== "" && value !== undefined,
    ),
  );
  const parsed = schema.safeParse(own);
  return parsed.success ? parsed.data : null;
}

const evidenceFilters = z.object({
  story: storyCode.optional(),
  /** The stories' stage (the review queue's download asks for approved outcomes). */
  stage: z.enum(STORY_STAGES).optional(),
  /** The triangulation matrix's filter: stories whose current primary domain is this one. */
  domain: idSchema.optional(),
  stance: z.enum(STANCES).optional(),
  sourceType: z.enum(SOURCE_TYPES).optional(),
});
type EvidenceFilters = z.infer<typeof evidenceFilters>;

type EvidenceRow = {
  storyCode: string;
  sourceType: string;
  citation: string;
  whatItShows: string;
  stance: string;
  strength: string;
  figurePosition: number | null;
  response: string | null;
  fileName: string | null;
  addedBy: string;
  updatedAt: Date;
};

export const evidenceExport: ExportTable<EvidenceRow, EvidenceFilters> = {
  permission: "triangulation.view",
  scopedPermission: "review.view",
  recordType: "EvidenceItem",
  action: "evidence.export",
  parse: (params) => plainFilters(evidenceFilters, params),
  described: (filters) => ({ filters }),
  columns: () => [
    { key: "story_code", kind: "text", value: (row) => row.storyCode },
    {
      key: "source_type",
      kind: "text",
      value: (row, c) => labelled(row.sourceType, (value) => `triangulation.sourceTypes.${value}`, c),
    },
    { key: "citation", kind: "text", sensitivity: "freeText", value: (row) => row.citation },
    { key: "what_it_shows", kind: "text", sensitivity: "freeText", value: (row) => row.whatItShows },
    {
      key: "stance",
      kind: "text",
      value: (row, c) => labelled(row.stance, (value) => `triangulation.stances.${value}`, c),
    },
    {
      key: "strength",
      kind: "text",
      value: (row, c) => labelled(row.strength, (value) => `triangulation.strengths.${value}`, c),
    },
    { key: "figure_position", kind: "number", value: (row) => row.figurePosition },
    { key: "evidence_response", kind: "text", sensitivity: "freeText", value: (row) => row.response },
    { key: "file_name", kind: "text", sensitivity: "freeText", value: (row) => row.fileName },
    { key: "added_by", kind: "text", value: (row) => row.addedBy },
    { key: "updated_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.updatedAt, c) },
  ],
  // The attachment's content is never read: only its name.
  feed: (evaluationId, { roles }, filters, _level, sink) => {
    const conditions = [Prisma.sql`e.evaluation_id = ${evaluationId}`];
    if (filters.story) conditions.push(Prisma.sql`s.code = ${filters.story}`);
    if (filters.stage) conditions.push(Prisma.sql`s.stage = ${filters.stage}::story_stage`);
    if (filters.domain) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM domain_assignment da WHERE da.evaluation_id = s.evaluation_id AND da.story_id = s.id
        AND da.domain_id = ${filters.domain} AND da.kind = 'PRIMARY' AND da.ended_at IS NULL)`);
    }
    if (filters.stance) conditions.push(Prisma.sql`e.stance = ${filters.stance}::evidence_stance`);
    if (filters.sourceType) conditions.push(Prisma.sql`e.source_type = ${filters.sourceType}::evidence_source_type`);
    // Reviewers read evidence of approved outcomes only.
    if (!can(roles, "triangulation.view")) conditions.push(Prisma.sql`s.stage = 'APPROVED'`);
    return forEachBatch(
      Prisma.sql`
        SELECT s.code AS "storyCode", e.source_type::text AS "sourceType", e.citation, e.what_it_shows AS "whatItShows", e.stance::text AS stance,
          e.strength::text AS strength, f.position AS "figurePosition", e.response, e.file_name AS "fileName", u.name AS "addedBy", e.updated_at AS "updatedAt"
        FROM evidence_item e JOIN change_story s ON s.evaluation_id = e.evaluation_id AND s.id = e.story_id
          LEFT JOIN story_figure f ON f.story_id = e.story_id AND f.id = e.figure_id
          JOIN app_user u ON u.id = e.added_by_id
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY s.code_number, e.created_at, e.id`,
      sink,
    );
  },
};

const responseFilters = z.object({
  round: idSchema.optional(),
  story: storyCode.optional(),
  verdict: z.enum(["CONFIRMS", "CONFIRMS_WITH_CHANGES", "DISPUTES", "NO_OPINION"]).optional(),
});
type ResponseFilters = z.infer<typeof responseFilters>;

type ResponseRow = {
  roundName: string;
  storyCode: string;
  respondentId: string;
  respondentCode: string;
  name?: string | null;
  verdict: string;
  comments: string | null;
  proposedChanges: string | null;
  disputeResolution: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  recordedBy: string;
  recordedAt: Date;
};

export const validationResponsesExport: ExportTable<ResponseRow, ResponseFilters> = {
  permission: "validation.record",
  recordType: "ValidationResponse",
  action: "validation_response.export",
  parse: (params) => plainFilters(responseFilters, params),
  described: (filters) => ({ filters }),
  columns: () => [
    { key: "validation_round", kind: "text", value: (row) => row.roundName },
    { key: "story_code", kind: "text", value: (row) => row.storyCode },
    { key: "respondent_code", kind: "text", value: (row) => row.respondentCode },
    { key: "name", kind: "text", sensitivity: "identity", value: (row) => row.name ?? null },
    {
      key: "verdict",
      kind: "text",
      value: (row, c) => labelled(row.verdict, (value) => `respondentValidation.verdict.${value}`, c),
    },
    { key: "comments", kind: "text", sensitivity: "freeText", value: (row) => row.comments },
    { key: "proposed_changes", kind: "text", sensitivity: "freeText", value: (row) => row.proposedChanges },
    { key: "dispute_resolution", kind: "text", sensitivity: "freeText", value: (row) => row.disputeResolution },
    { key: "resolved_by", kind: "text", value: (row) => row.resolvedBy },
    { key: "resolved_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.resolvedAt, c) },
    { key: "recorded_by", kind: "text", value: (row) => row.recordedBy },
    { key: "recorded_at", kind: "dateTime", sensitivity: "exactDate", value: (row, c) => dated(row.recordedAt, c) },
  ],
  feed: (evaluationId, _reader, filters, level, sink) => {
    const conditions = [Prisma.sql`v.evaluation_id = ${evaluationId}`];
    if (filters.round) conditions.push(Prisma.sql`v.validation_round_id = ${filters.round}`);
    if (filters.story) conditions.push(Prisma.sql`s.code = ${filters.story}`);
    if (filters.verdict) conditions.push(Prisma.sql`v.verdict = ${filters.verdict}::validation_verdict`);
    return forEachBatch<ResponseRow>(
      Prisma.sql`
        SELECT vr.name AS "roundName", s.code AS "storyCode", r.id AS "respondentId", r.code AS "respondentCode", v.verdict::text AS verdict,
          v.comments, v.proposed_changes AS "proposedChanges", v.dispute_resolution AS "disputeResolution", resolver.name AS "resolvedBy",
          v.resolved_at AS "resolvedAt", recorder.name AS "recordedBy", v.created_at AS "recordedAt"
        FROM validation_response v JOIN validation_round vr ON vr.evaluation_id = v.evaluation_id AND vr.id = v.validation_round_id
          JOIN change_story s ON s.evaluation_id = v.evaluation_id AND s.id = v.story_id
          JOIN respondent r ON r.evaluation_id = v.evaluation_id AND r.id = v.respondent_id
          JOIN app_user recorder ON recorder.id = v.recorded_by_id
          LEFT JOIN app_user resolver ON resolver.id = v.resolved_by_id
        WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY vr.starts_on, vr.id, s.code_number, r.code`,
      async (rows) => {
        if (level === "identified") {
          const identities = await openIdentitiesForExport(evaluationId, [
            ...new Set(rows.map((row) => row.respondentId)),
          ]);
          for (const row of rows) row.name = identities.get(row.respondentId)?.name ?? null;
        }
        await sink(rows);
      },
    );
  },
};
