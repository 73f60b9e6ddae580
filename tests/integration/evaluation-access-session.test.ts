/**
 * A signed-in member's access comes from their session's read (lib/auth/data.ts), not from a
 * statement of its own (decision 0046). The same rules as the membership query, checked against
 * it: roles as stored, none for an outsider or an empty list of roles (the database refuses one;
 * the rule holds anyway), none for an invalid or unknown
 * id, none while two-factor set-up is owed, and an administrator's evaluation must exist. The
 * session is read per request, so a member removed in one request is refused in the next.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvaluation, buildMembership, buildUser } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let current: typeof import("@/lib/auth/current-user");
let access: typeof import("@/lib/evaluations/access");
let members: typeof import("@/lib/members/mutations");

const lead = buildUser({ name: "Lead" });
const member = buildUser({ name: "Member" });
const outsider = buildUser({ name: "Outsider" });
const admin = buildUser({ name: "Admin", isAdmin: true });
const mine = buildEvaluation({ name: "Mine" });
const theirs = buildEvaluation({ name: "Theirs" });
const memberships = {
  lead: buildMembership({ evaluationId: mine.id, userId: lead.id, roles: ["LEAD"] }),
  member: buildMembership({ evaluationId: mine.id, userId: member.id, roles: ["EVALUATOR", "ANALYST"] }),
  outsider: buildMembership({ evaluationId: theirs.id, userId: outsider.id, roles: ["PANELIST"] }),
};

/** One request: the session read as the app reads it, then the access check. */
async function signedIn(user: { id: string }) {
  const session = await database.prisma.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  return {
    sessionId: session.id,
    request: () => current.resolveCurrentUser({ sessionId: session.id, userId: user.id }),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  await prisma.user.createMany({ data: [lead, member, outsider, admin] });
  await prisma.evaluation.createMany({ data: [mine, theirs] });
  await prisma.evaluationMember.createMany({ data: Object.values(memberships) });
  [current, access, members] = await Promise.all([
    import("@/lib/auth/current-user"),
    import("@/lib/evaluations/access"),
    import("@/lib/members/mutations"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("access from the session's read", () => {
  it("carries every membership on the signed-in user", async () => {
    const user = await (await signedIn(member)).request();
    expect(user?.memberships).toEqual(new Map([[mine.id, ["EVALUATOR", "ANALYST"]]]));
    expect((await (await signedIn(admin)).request())?.memberships).toEqual(new Map());
  });

  it("answers every caller and evaluation exactly as the membership query does", async () => {
    const ids = [mine.id, theirs.id, "does-not-exist", "", "x".repeat(500), "constructor", "__proto__", "toString"];
    for (const person of [lead, member, outsider, admin]) {
      const user = await (await signedIn(person)).request();
      expect(user).not.toBeNull();
      for (const evaluationId of ids) {
        const carried = await access.evaluationAccess(evaluationId, user);
        const queried = await access.evaluationAccess(evaluationId, {
          id: person.id,
          isAdmin: person.isAdmin ?? false,
        });
        expect([person.name, evaluationId, carried?.roles ?? null]).toEqual([
          person.name,
          evaluationId,
          queried?.roles ?? null,
        ]);
      }
    }
    const memberUser = await (await signedIn(member)).request();
    expect((await access.evaluationAccess(mine.id, memberUser))?.roles).toEqual(["EVALUATOR", "ANALYST"]);
    expect(await access.evaluationAccess(theirs.id, memberUser)).toBeNull();
    expect(
      await access.evaluationAccess(mine.id, { ...memberUser!, memberships: new Map([[mine.id, []]]) }),
    ).toBeNull();
    const adminUser = await (await signedIn(admin)).request();
    expect((await access.evaluationAccess(theirs.id, adminUser))?.roles).toEqual(["ADMIN"]);
    expect(await access.evaluationAccess("does-not-exist", adminUser)).toBeNull();
  });

  it("gives nothing while two-factor set-up is owed, whatever the memberships say", async () => {
    const user = await (await signedIn(member)).request();
    expect(await access.evaluationAccess(mine.id, { ...user!, needsTwoFactorEnrolment: true })).toBeNull();
  });

  it("refuses a member removed in one request from the next request on, on the same session", async () => {
    const removed = buildUser({ name: "Removed" });
    await database.prisma.user.create({ data: removed });
    const row = buildMembership({ evaluationId: mine.id, userId: removed.id, roles: ["EVALUATOR"] });
    await database.prisma.evaluationMember.create({ data: row });
    const { request } = await signedIn(removed);

    const before = await request();
    expect((await access.evaluationAccess(mine.id, before))?.roles).toEqual(["EVALUATOR"]);
    expect(await members.removeMember(lead.id, mine.id, row.id)).toEqual({ removed: true });

    const after = await request();
    expect(after).not.toBeNull(); // still signed in: removal ends the membership, not the session
    expect(after?.memberships?.has(mine.id)).toBe(false);
    expect(await access.evaluationAccess(mine.id, after)).toBeNull();
  });
});
