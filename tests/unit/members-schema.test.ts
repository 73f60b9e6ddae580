/** The members and invitation forms: roles are checked, de-duplicated and put in one order. */
import { describe, expect, it } from "vitest";
import { inviteMemberSchema } from "@/lib/invitations/schema";
import { canonicalRoles, sameRoles, updateMemberRolesSchema } from "@/lib/members/schema";

const base = { evaluationId: "ceval1", memberId: "cmember1" };

describe("updateMemberRolesSchema", () => {
  it("keeps each role once, in the interface's order", () => {
    expect(updateMemberRolesSchema.parse({ ...base, roles: ["REVIEWER", "LEAD", "REVIEWER"] }).roles).toEqual([
      "LEAD",
      "REVIEWER",
    ]);
  });

  it.each([
    ["no role", [], "validation.rolesRequired"],
    ["an unknown role", ["ADMIN"], "validation.roleInvalid"],
    ["not a list", "LEAD", "validation.rolesRequired"],
  ])("refuses %s", (_label, roles, key) => {
    const result = updateMemberRolesSchema.safeParse({ ...base, roles });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(key);
  });

  it.each([
    ["an operator object", { not: null }],
    ["an over-long id", "c".repeat(65)],
    ["an id with SQL", "x'; drop table evaluation_member;--"],
    ["an empty id", ""],
  ])("refuses %s as the member id", (_label, memberId) => {
    expect(updateMemberRolesSchema.safeParse({ ...base, memberId, roles: ["LEAD"] }).success).toBe(false);
  });
});

describe("inviteMemberSchema", () => {
  it("lower-cases the e-mail and needs a role", () => {
    expect(inviteMemberSchema.parse({ evaluationId: "ceval1", email: "New@Example.org", roles: ["PANELIST"] })).toEqual(
      {
        evaluationId: "ceval1",
        email: "new@example.org",
        roles: ["PANELIST"],
      },
    );
    expect(inviteMemberSchema.safeParse({ evaluationId: "ceval1", email: "new@example.org", roles: [] }).success).toBe(
      false,
    );
    expect(
      inviteMemberSchema.safeParse({ evaluationId: "ceval1", email: "new@example.org\u202E", roles: ["LEAD"] }).success,
    ).toBe(false);
  });
});

describe("role helpers", () => {
  it("compare role lists as sets", () => {
    expect(sameRoles(["LEAD", "ANALYST"], ["ANALYST", "LEAD"])).toBe(true);
    expect(sameRoles(["LEAD"], ["LEAD", "ANALYST"])).toBe(false);
    expect(canonicalRoles(["REVIEWER", "PANELIST", "PANELIST"])).toEqual(["PANELIST", "REVIEWER"]);
  });
});
