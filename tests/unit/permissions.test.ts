/**
 * The role-to-permission table, written out a second time on purpose: changing who may do what
 * means changing lib/permissions.ts AND this file, so no permission moves by accident.
 */
import { describe, expect, it } from "vitest";
import {
  can,
  grantsMore,
  INSTALLATION_PERMISSIONS,
  PERMISSIONS,
  rolesOf,
  type Permission,
  type Role,
} from "@/lib/permissions";

const ROLES: readonly Role[] = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER", "ADMIN"];

//                                              LEAD  EVAL  PANEL ANAL  REVW  ADMIN
const EXPECTED: Record<string, string> = {
  // Installation
  "user.list": "  .     .     .     .     .     X  ",
  "user.create": "  .     .     .     .     .     X  ",
  "user.disable": "  .     .     .     .     .     X  ",
  "user.require_two_factor": "  .     .     .     .     .     X  ",
  "evaluation.create": "  .     .     .     .     .     X  ",
  "audit.verify": "  .     .     .     .     .     X  ",
  // One evaluation
  "evaluation.view": "  X     X     X     X     X     X  ",
  "evaluation.update": "  X     .     .     .     .     X  ",
  "member.view": "  X     X     X     X     X     X  ",
  "member.invite": "  X     .     .     .     .     X  ",
  "member.update_roles": "  X     .     .     .     .     X  ",
  "member.remove": "  X     .     .     .     .     X  ",
  "audit.view": "  X     .     .     .     .     X  ",
  "audit.export": "  X     .     .     .     .     X  ",
  "respondent.view": "  X     X     .     X     .     .  ",
  "respondent.edit": "  X     X     .     .     .     .  ",
  "respondent.identity.view": "  X     X     .     .     .     .  ",
  "respondent.identity.edit": "  X     X     .     .     .     .  ",
  "consent.edit": "  X     X     .     .     .     .  ",
  "interview.view": "  X     X     .     X     .     .  ",
  "interview.edit": "  X     X     .     .     .     .  ",
  "import.run": "  X     X     .     .     .     .  ",
  "story.view": "  X     X     X     X     .     .  ",
  "story.view_all": "  X     X     .     X     .     .  ",
  "story.edit": "  X     X     .     .     .     .  ",
  "story.assign_domain": "  X     X     .     .     .     .  ",
  "selection.manage": "  X     .     .     .     .     .  ",
  "selection.vote": "  .     .     X     .     .     .  ",
  "triangulation.view": "  X     X     .     X     .     .  ",
  "triangulation.edit": "  .     .     .     X     .     .  ",
  "triangulation.sign_off": "  .     .     .     X     .     .  ",
  "quotation.manage": "  X     .     .     X     .     .  ",
  "validation.manage": "  X     .     .     .     .     .  ",
  "validation.record": "  X     X     .     .     .     .  ",
  "review.view": "  X     .     .     .     X     .  ",
  "review.decide": "  .     .     .     .     X     .  ",
  "review.submit": "  X     .     .     .     .     .  ",
  "learning.view": "  X     X     .     X     X     X  ",
  "learning.edit": "  X     .     .     X     .     X  ",
  "report.view": "  X     X     X     X     X     .  ",
  "brief.view": "  X     X     .     X     X     .  ",
  "brief.preview_drafts": "  X     .     .     .     .     .  ",
  "export.identified": "  X     .     .     .     .     .  ",
  "dashboard.view": "  X     X     X     X     X     X  ",
  "dashboard.exact_counts": "  X     X     .     X     .     .  ",
};

function rolesFromRow(row: string): Role[] {
  const marks = row.trim().split(/\s+/);
  if (marks.length !== ROLES.length || marks.some((mark) => mark !== "X" && mark !== ".")) {
    throw new Error(`A row of EXPECTED must have ${ROLES.length} marks (X or .): "${row}"`);
  }
  return ROLES.filter((_, index) => marks[index] === "X");
}

const sorted = (roles: readonly Role[]) => [...roles].sort();

describe("the permission table", () => {
  it("is exactly the table written out in this test", () => {
    const actual = Object.fromEntries(
      Object.entries(PERMISSIONS).map(([permission, roles]) => [permission, sorted(roles)]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([permission, row]) => [permission, sorted(rolesFromRow(row))]),
    );
    expect(actual).toEqual(expected);
  });

  it("names every role at most once per permission, and only known roles", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(new Set(roles).size, permission).toBe(roles.length);
      for (const role of roles) expect(ROLES, permission).toContain(role);
    }
  });

  it("never lets a reviewer (funder staff) see or touch a respondent's identity", () => {
    const identityPermissions = Object.keys(PERMISSIONS).filter(
      (permission) => permission.includes("identity") || permission === "export.identified",
    );
    expect(identityPermissions.length).toBeGreaterThanOrEqual(3);
    for (const permission of identityPermissions)
      expect(can(["REVIEWER"], permission as Permission), permission).toBe(false);
    expect(can(["REVIEWER"], "respondent.identity.view")).toBe(false);
  });

  it("gives administrators no identity permission: they manage people and evaluations, not fieldwork", () => {
    for (const permission of [
      "respondent.identity.view",
      "respondent.identity.edit",
      "export.identified",
      "respondent.view",
    ] as const) {
      expect(can(["ADMIN"], permission), permission).toBe(false);
    }
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (permission.includes("identity")) expect(can(["ADMIN"], permission), permission).toBe(false);
    }
  });

  it("keeps every installation permission for administrators only", () => {
    expect(INSTALLATION_PERMISSIONS.size).toBeGreaterThan(0);
    for (const permission of INSTALLATION_PERMISSIONS) {
      expect(permission in PERMISSIONS, permission).toBe(true);
      expect(sorted(PERMISSIONS[permission]), permission).toEqual(["ADMIN"]);
    }
  });

  it("treats every admin-only permission as an installation permission, and no other", () => {
    const adminOnly = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (permission) => sorted(PERMISSIONS[permission]).join() === "ADMIN",
    );
    expect(adminOnly.sort()).toEqual([...INSTALLATION_PERMISSIONS].sort());
  });
});

describe("can and rolesOf", () => {
  it("allows when any of the caller's roles holds the permission", () => {
    expect(can(["PANELIST", "LEAD"], "member.invite")).toBe(true);
    expect(can(["PANELIST"], "member.invite")).toBe(false);
    expect(can([], "member.view")).toBe(false);
  });

  it("adds ADMIN for administrators only, on top of their evaluation roles", () => {
    expect(rolesOf({ isAdmin: true }, ["PANELIST"])).toEqual(["PANELIST", "ADMIN"]);
    expect(rolesOf({ isAdmin: false }, ["PANELIST"])).toEqual(["PANELIST"]);
    expect(rolesOf({ isAdmin: false }, [])).toEqual([]);
  });
});

describe("grantsMore", () => {
  it("is true only when the new roles hold a permission the old ones did not", () => {
    expect(grantsMore(["PANELIST"], ["PANELIST", "LEAD"])).toBe(true);
    expect(grantsMore(["LEAD"], ["LEAD", "ANALYST"])).toBe(true);
    expect(grantsMore(["LEAD", "ANALYST"], ["ANALYST"])).toBe(false);
    expect(grantsMore(["LEAD"], ["LEAD"])).toBe(false);
    expect(grantsMore(["LEAD", "ADMIN"], ["LEAD", "ADMIN"])).toBe(false);
  });
});
