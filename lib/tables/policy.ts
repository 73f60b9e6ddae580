/** Pure rules of the fieldwork tables. */
import { can, type Role } from "@/lib/permissions";

/**
 * Respondents excluded by consent withdrawal (EXCLUDE or DESTROY) stay in the respondents table,
 * with an "excluded" marker, for the people who record consent and carry out the withdrawal —
 * leads and evaluators (`respondent.edit`): they must see whom the withdrawal concerns, to honour
 * it and answer the person. Everyone else who may read the table (analysts) works on selection,
 * triangulation and reports, which exclusion removes the person from: for them the row is gone.
 */
export function seesExcludedRespondents(roles: readonly Role[]): boolean {
  return can(roles, "respondent.edit");
}
