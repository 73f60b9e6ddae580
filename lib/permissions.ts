/**
 * Who may do what: one table from permission to the roles that hold it. Evaluation roles come
 * from the membership; ADMIN is the installation-wide administrator. Every server action names
 * one permission (lib/actions.ts), and tests/unit/permissions.test.ts checks the whole table.
 *
 * Respondent identities are readable by leads and evaluators only, never by admins or reviewers
 * (PRODUCT.md): an administrator manages people and evaluations, not fieldwork.
 */
import type { EvaluationRole } from "@/lib/generated/prisma/enums";

export type Role = EvaluationRole | "ADMIN";

const ALL_MEMBERS: readonly Role[] = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER"];

export const PERMISSIONS = {
  // Installation
  "user.list": ["ADMIN"],
  "user.create": ["ADMIN"],
  "user.disable": ["ADMIN"],
  "user.require_two_factor": ["ADMIN"],
  "evaluation.create": ["ADMIN"],
  "audit.verify": ["ADMIN"],
  // One evaluation
  "evaluation.view": [...ALL_MEMBERS, "ADMIN"],
  "evaluation.update": ["LEAD", "ADMIN"],
  "member.view": [...ALL_MEMBERS, "ADMIN"],
  "member.invite": ["LEAD", "ADMIN"],
  "member.update_roles": ["LEAD", "ADMIN"],
  "member.remove": ["LEAD", "ADMIN"],
  "audit.view": ["LEAD", "ADMIN"],
  "audit.export": ["LEAD", "ADMIN"],
  "respondent.view": ["LEAD", "EVALUATOR", "ANALYST"],
  "respondent.edit": ["LEAD", "EVALUATOR"],
  "respondent.identity.view": ["LEAD", "EVALUATOR"],
  "respondent.identity.edit": ["LEAD", "EVALUATOR"],
  "consent.edit": ["LEAD", "EVALUATOR"],
  // Interviews, focus groups and their transcript excerpts.
  "interview.view": ["LEAD", "EVALUATOR", "ANALYST"],
  "interview.edit": ["LEAD", "EVALUATOR"],
  "import.run": ["LEAD", "EVALUATOR"],
  "story.view": ["LEAD", "EVALUATOR", "PANELIST", "ANALYST"],
  /** Every story of the evaluation; a panelist without it reads only their opened rounds' candidates (lib/stories/read-scope.ts). */
  "story.view_all": ["LEAD", "EVALUATOR", "ANALYST"],
  "story.edit": ["LEAD", "EVALUATOR"],
  "story.assign_domain": ["LEAD", "EVALUATOR"],
  "selection.manage": ["LEAD"],
  "selection.vote": ["PANELIST"],
  // Evidence, its attachments and the matrix. Reviewers will see evidence through their review
  // queue (validated outcomes only); panelists choose stories before evidence is gathered.
  "triangulation.view": ["LEAD", "EVALUATOR", "ANALYST"],
  "triangulation.edit": ["ANALYST"],
  "triangulation.sign_off": ["ANALYST"],
  /** Choosing passages the brief may quote, and translating them; printed only with the speakers' consent. */
  "quotation.manage": ["LEAD", "ANALYST"],
  "validation.manage": ["LEAD"],
  "validation.record": ["LEAD", "EVALUATOR"],
  "review.view": ["REVIEWER", "LEAD"],
  "review.decide": ["REVIEWER"],
  /** Sending a validated outcome to the funder's review queue. */
  "review.submit": ["LEAD"],
  /** What the team learned (the brief's own texts): analysts write them with the lead; panelists choose stories, not conclusions. */
  "learning.view": ["LEAD", "EVALUATOR", "ANALYST", "REVIEWER", "ADMIN"],
  "learning.edit": ["LEAD", "ANALYST", "ADMIN"],
  "report.view": [...ALL_MEMBERS],
  /** The learning brief (approved outcomes): the funder's reviewers read it too; panelists choose stories, not the report. */
  "brief.view": ["LEAD", "EVALUATOR", "ANALYST", "REVIEWER"],
  /** Draft copies of the brief that include validated or selected outcomes not yet approved. */
  "brief.preview_drafts": ["LEAD"],
  /** The evaluation's dashboard; what it counts depends on the two rows below and story.view. */
  "dashboard.view": [...ALL_MEMBERS, "ADMIN"],
  /** Exact respondent counts; everyone else sees cells under 5 as "< 5" (lib/dashboard/policy.ts). */
  "dashboard.exact_counts": ["LEAD", "EVALUATOR", "ANALYST"],
  "export.identified": ["LEAD"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Permissions that concern the installation rather than one evaluation. */
export const INSTALLATION_PERMISSIONS = new Set<Permission>([
  "user.list",
  "user.create",
  "user.disable",
  "user.require_two_factor",
  "evaluation.create",
  "audit.verify",
]);

export function rolesOf(actor: { isAdmin: boolean }, evaluationRoles: readonly EvaluationRole[]): Role[] {
  return actor.isAdmin ? [...evaluationRoles, "ADMIN"] : [...evaluationRoles];
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/**
 * Whether `after` holds a permission `before` did not: what a member may not do to themselves
 * (lib/members/mutations.ts). Trading a role for one the old ones already covered is no raise.
 */
export function grantsMore(before: readonly Role[], after: readonly Role[]): boolean {
  return (Object.keys(PERMISSIONS) as Permission[]).some(
    (permission) => can(after, permission) && !can(before, permission),
  );
}
