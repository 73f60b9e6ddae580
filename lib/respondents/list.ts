/**
 * The respondents table: pseudonymous codes and traits only. Identity (RespondentIdentity) is
 * never read here, whoever asks. Two queries per page: the rows (sector and current consent joined
 * for the page's rows only) and the count.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRegion } from "@/lib/places/region-sql";
import type { Gender, RespondentType, WithdrawalChoice } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/permissions";
import type { RespondentFilters } from "@/lib/tables/lists";
import { countOf, orderBy, pagedList, type ListPage } from "@/lib/tables/paging";
import { seesExcludedRespondents } from "@/lib/tables/policy";
import type { TableState } from "@/lib/tables/url-state";

export type RespondentListRow = {
  id: string;
  code: string;
  type: RespondentType;
  gender: Gender;
  state: string;
  language: string;
  /** The evaluation's groups the respondent belongs to, in the list's order. */
  /** `code` is the collection forms' choice name, if the group has one (exports' raw value). */
  atRiskGroups: Array<{ id: string; code: string | null; nameEn: string; nameEs: string }>;
  sectorEn: string | null;
  sectorEs: string | null;
  /** The newest consent's date and withdrawal, if any consent was recorded. */
  consentGivenOn: Date | null;
  consentWithdrawnOn: Date | null;
  withdrawalChoice: WithdrawalChoice | null;
  /** Set only for readers who may see excluded respondents (see seesExcludedRespondents). */
  excluded: boolean;
  updatedAt: Date;
};

export type RespondentListPage = ListPage<RespondentListRow>;

const SORTS = {
  code: Prisma.sql`r.code_number`,
  type: Prisma.sql`r.type`,
  gender: Prisma.sql`r.gender`,
  state: Prisma.sql`r.state`,
  updatedAt: Prisma.sql`r.updated_at`,
} as const;

function whereOf(evaluationId: string, filters: RespondentFilters, withExcluded: boolean): Prisma.Sql {
  const conditions = [Prisma.sql`r.evaluation_id = ${evaluationId}`];
  if (!withExcluded) conditions.push(Prisma.sql`r.excluded_at IS NULL`);
  if (filters.type) conditions.push(Prisma.sql`r.type = ${filters.type}::respondent_type`);
  if (filters.gender) conditions.push(Prisma.sql`r.gender = ${filters.gender}::gender`);
  if (filters.state) conditions.push(inRegion("r", filters.state));
  if (filters.atRiskGroup) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM respondent_at_risk_group rg WHERE rg.evaluation_id = r.evaluation_id AND rg.respondent_id = r.id AND rg.group_id = ${filters.atRiskGroup})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The rows' SQL for a window of the list (`limit` null: every row, for exports), under the same
 * read rule as the page: excluded respondents only for those who carry out withdrawals.
 */
export function respondentRowsSql(
  evaluationId: string,
  roles: readonly Role[],
  state: Pick<TableState<RespondentFilters>, "filters" | "sort">,
  offset: number,
  limit: number | null,
): Prisma.Sql {
  const where = whereOf(evaluationId, state.filters, seesExcludedRespondents(roles));
  const order = orderBy(SORTS, state.sort, Prisma.sql`r.id`);
  return Prisma.sql`
      SELECT r.id, r.code, r.type::text AS type, r.gender::text AS gender,
        -- A region outside Mexico shows its country's code: "Quetzaltenango (GT)".
        r.state || coalesce(' (' || r.country_code || ')', '') AS state, r.language,
        (SELECT COALESCE(json_agg(json_build_object('id', g.id, 'code', g.code, 'nameEn', g.name_en, 'nameEs', g.name_es) ORDER BY g.position), '[]'::json)
           FROM respondent_at_risk_group rg JOIN at_risk_group g ON g.evaluation_id = rg.evaluation_id AND g.id = rg.group_id
          WHERE rg.evaluation_id = r.evaluation_id AND rg.respondent_id = r.id) AS "atRiskGroups", se.name_en AS "sectorEn", se.name_es AS "sectorEs",
        c.given_on AS "consentGivenOn", c.withdrawn_on AS "consentWithdrawnOn", c.withdrawal_choice::text AS "withdrawalChoice",
        r.excluded_at IS NOT NULL AS excluded, r.updated_at AS "updatedAt"
      FROM (SELECT r.id, r.evaluation_id, r.code, r.code_number, r.type, r.gender, r.state, r.country_code, r.language,
                   r.sector_id, r.excluded_at, r.updated_at
              FROM respondent r WHERE ${where} ${order} LIMIT ${limit} OFFSET ${offset}) r
      LEFT JOIN sector se ON se.evaluation_id = r.evaluation_id AND se.id = r.sector_id
      LEFT JOIN LATERAL (
        SELECT c.given_on, c.withdrawn_on, c.withdrawal_choice FROM consent c
         WHERE c.evaluation_id = r.evaluation_id AND c.respondent_id = r.id
         ORDER BY c.given_on DESC, c.created_at DESC LIMIT 1) c ON true
      ${order}`;
}

/** One page of the table, for a reader whose `roles` the loader (lib/respondents/loaders.ts) has checked. */
export async function listRespondents(
  evaluationId: string,
  roles: readonly Role[],
  state: TableState<RespondentFilters>,
): Promise<RespondentListPage> {
  const where = whereOf(evaluationId, state.filters, seesExcludedRespondents(roles));
  const rowsAt = (offset: number, limit: number) =>
    db().$queryRaw<RespondentListRow[]>(respondentRowsSql(evaluationId, roles, state, offset, limit));
  const count = async () =>
    countOf(
      await db().$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM respondent r WHERE ${where}`,
    );
  return pagedList(state, rowsAt, count);
}
