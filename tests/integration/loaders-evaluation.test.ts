/**
 * The loaders of the evaluation, setup, members, audit, imports and user pages, on PostgreSQL:
 * each returns null to anyone the page must answer with 404 (an outsider, a member without the
 * permission, someone who has not set up two-factor sign-in yet), and to the others only what
 * their roles may see.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildUser, createEvaluationWithTeam, inDays, type EvaluationWithTeam } from "@/tests/factories";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { parseUserListQuery } from "@/lib/users/schema";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: EvaluationWithTeam;
let evaluations: typeof import("@/lib/evaluations/loaders");
let setup: typeof import("@/lib/evaluations/setup-loaders");
let members: typeof import("@/lib/members/loaders");
let audit: typeof import("@/lib/audit-trail/loaders");
let imports: typeof import("@/lib/imports/loaders");
let users: typeof import("@/lib/users/loaders");

const admin = buildUser({ name: "Installation admin", isAdmin: true });
const as = (
  user: { id: string; email: string; name: string; isAdmin?: boolean },
  overrides: Partial<CurrentUser> = {},
) => actingUser(user, overrides);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  world = await createEvaluationWithTeam(database.prisma);
  await database.prisma.user.create({ data: admin });
  await database.prisma.invitation.create({
    data: {
      evaluationId: world.evaluation.id,
      email: "pending@test.example",
      roles: ["EVALUATOR"],
      tokenHash: "a".repeat(64),
      invitedById: world.members.lead.id,
      expiresAt: inDays(1),
    },
  });
  [evaluations, setup, members, audit, imports, users] = await Promise.all([
    import("@/lib/evaluations/loaders"),
    import("@/lib/evaluations/setup-loaders"),
    import("@/lib/members/loaders"),
    import("@/lib/audit-trail/loaders"),
    import("@/lib/imports/loaders"),
    import("@/lib/users/loaders"),
  ]);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the evaluation's home and a section's heading", () => {
  it("opens for any member and for an administrator, and for nobody else", async () => {
    const id = world.evaluation.id;
    expect((await evaluations.loadEvaluationOverview(id, as(world.members.panelist!)))?.name).toBe(
      world.evaluation.name,
    );
    expect((await evaluations.loadEvaluationOverview(id, as(admin)))?.name).toBe(world.evaluation.name);
    expect(await evaluations.loadEvaluationOverview(id, as(world.outsider))).toBeNull();
    expect(await evaluations.loadEvaluationOverview(id, null)).toBeNull();
    expect(
      await evaluations.loadEvaluationOverview(id, as(world.members.lead, { needsTwoFactorEnrolment: true })),
    ).toBeNull();
    expect(await evaluations.loadEvaluationOverview("no-such-evaluation", as(admin))).toBeNull();
  });

  it("gives a section's heading only with the section's permission", async () => {
    const id = world.evaluation.id;
    const opened = await evaluations.loadEvaluationHeading(id, as(world.members.lead), "audit.view");
    expect(opened?.evaluation).toEqual({ id, name: world.evaluation.name, languages: world.evaluation.languages });
    expect(opened?.access.roles).toEqual(["LEAD"]);
    expect(await evaluations.loadEvaluationHeading(id, as(world.members.panelist!), "audit.view")).toBeNull();
    expect(
      await evaluations.loadEvaluationHeading(id, as(world.members.panelist!), "audit.view", "selection.vote"),
    ).not.toBeNull();
  });
});

describe("the setup pages", () => {
  it("read their lists for the lead and an administrator only", async () => {
    const id = world.evaluation.id;
    signInAs(as(world.members.lead));
    expect((await setup.loadSetupDomains(id))?.map((domain) => domain.id).sort()).toEqual(
      world.domains.map((domain) => domain.id).sort(),
    );
    expect(await setup.loadSetupProjects(id)).toHaveLength(1);
    signInAs(as(admin));
    expect(await setup.loadSetupLists(id)).not.toBeNull();
    for (const caller of [world.members.evaluator!, world.members.analyst!, world.members.reviewer!, world.outsider]) {
      signInAs(as(caller));
      expect(await setup.loadSetupDomains(id)).toBeNull();
      expect(await setup.loadSetupPlaces(id)).toBeNull();
    }
    signOut();
    expect(await setup.loadSetupProjects(id)).toBeNull();
  });
});

describe("the members page", () => {
  it("shows the lead addresses and pending invitations", async () => {
    const view = await members.loadMembersPage(world.evaluation.id, as(world.members.lead));
    expect(view?.manages).toBe(true);
    expect(view?.members.every((member) => member.email !== null)).toBe(true);
    expect(view?.invitations.map((invitation) => invitation.email)).toEqual(["pending@test.example"]);
  });

  it("shows other members the team without addresses or invitations", async () => {
    const view = await members.loadMembersPage(world.evaluation.id, as(world.members.evaluator!));
    expect(view?.manages).toBe(false);
    expect(view?.members.length).toBeGreaterThan(1);
    expect(view?.members.every((member) => member.email === null)).toBe(true);
    expect(view?.invitations).toEqual([]);
    expect(JSON.stringify(view)).not.toContain("@test.example");
  });

  it("shows nothing to an outsider", async () => {
    expect(await members.loadMembersPage(world.evaluation.id, as(world.outsider))).toBeNull();
  });
});

describe("the audit pages", () => {
  it("open the evaluation's trail for the lead, not for an evaluator or an outsider", async () => {
    const filters = {};
    const view = await audit.loadAuditPage(world.evaluation.id, as(world.members.lead), filters);
    expect(view?.evaluation.name).toBe(world.evaluation.name);
    expect(view?.actors.map((actor) => actor.id)).toContain(world.members.lead.id);
    expect(await audit.loadAuditPage(world.evaluation.id, as(world.members.evaluator!), filters)).toBeNull();
    expect(await audit.loadAuditPage(world.evaluation.id, as(world.outsider), filters)).toBeNull();
  });

  it("verify the installation's chains for an administrator only, and only when asked", async () => {
    expect(await audit.loadAuditChainCheck(as(admin), false)).toEqual([]);
    expect(Array.isArray(await audit.loadAuditChainCheck(as(admin), true))).toBe(true);
    expect(await audit.loadAuditChainCheck(as(world.members.lead), true)).toBeNull();
    expect(await audit.loadAuditChainCheck(as(admin, { needsTwoFactorEnrolment: true }), true)).toBeNull();
  });
});

describe("the imports page", () => {
  const query = { page: 1, batchId: null, errorsPage: 1 };

  it("offers each importer the kinds their roles allow", async () => {
    const lead = await imports.loadImportsPage(world.evaluation.id, as(world.members.lead), query);
    expect(lead?.kinds).toContain("PROJECTS");
    const evaluator = await imports.loadImportsPage(world.evaluation.id, as(world.members.evaluator!), query);
    expect(evaluator?.kinds).not.toContain("PROJECTS");
    expect(evaluator?.history.rows).toEqual([]);
  });

  it("opens for nobody who may not import", async () => {
    for (const caller of [world.members.panelist!, world.members.reviewer!, world.outsider]) {
      expect(await imports.loadImportsPage(world.evaluation.id, as(caller), query)).toBeNull();
    }
  });
});

describe("the user pages", () => {
  it("list the installation's users for an administrator only", async () => {
    const page = await users.loadUserList(as(admin), parseUserListQuery({}));
    expect(page?.users.map((user) => user.id)).toContain(admin.id);
    expect(typeof page?.twoFactorRequired).toBe("boolean");
    expect(await users.loadUserList(as(world.members.lead), parseUserListQuery({}))).toBeNull();
  });

  it("give an account set-up link's person only for a link that fits", async () => {
    expect(await users.loadAccountSetup("not-a-token")).toBeNull();
    expect(await users.loadAccountSetup(`${world.members.lead.id}.${"0".repeat(40)}`)).toBeNull();
  });
});
