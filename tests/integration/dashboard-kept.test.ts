/**
 * The dashboard's counts kept until the evaluation changes (lib/dashboard/kept.ts, decision 0050):
 * a row written without its audit event stays uncounted until the next audited change, in the
 * evaluation or installation-wide, which brings everything in (an event that only records a read
 * does not); readers of other scopes and other
 * filters never share a lead's counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { buildChangeStory } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { recordTestChange } from "@/tests/support/audited-change";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardWorld, type DashboardWorld } from "./dashboard-world";

let database: TestDatabase;
let world: DashboardWorld;
let loadDashboard: typeof import("@/lib/dashboard/loaders").loadDashboard;
let loadDashboardMeta: typeof import("@/lib/dashboard/meta-loaders").loadDashboardMeta;

type Member = "lead" | "panelist" | "reviewer";
const reader = (member: Member) => ({ id: world.team.members[member]!.id, isAdmin: false });
const storiesCounted = async (member: Member, filters: DashboardFilters = {}) =>
  (await loadDashboard(world.evaluationId, reader(member), filters))!.funnel.total;
const positiveStories = async (member: Member) =>
  (await loadDashboardMeta(world.evaluationId, reader(member), {}))!.changeTypes.totals.POSITIVE;

/** A draft written straight to the table, as no code path of the app writes one: no audit event. */
async function addDraftUnaudited() {
  const lead = world.team.members.lead.id;
  await database.prisma.changeStory.create({
    data: buildChangeStory({
      evaluationId: world.evaluationId,
      authorId: lead,
      stage: "DRAFT",
      changeType: "POSITIVE",
    }),
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboard } = await import("@/lib/dashboard/loaders"));
  ({ loadDashboardMeta } = await import("@/lib/dashboard/meta-loaders"));
  world = await createDashboardWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("the dashboard's kept counts", () => {
  it("are read again once the evaluation's audit chain moves, and not before", async () => {
    const [stories, positive] = [await storiesCounted("lead"), await positiveStories("lead")];
    expect(stories).toBe(9);

    await addDraftUnaudited();
    expect(await storiesCounted("lead")).toBe(stories);
    expect(await positiveStories("lead")).toBe(positive);

    // Every change the app makes appends its event in the same transaction, as this one does.
    await recordTestChange(database.prisma, world.evaluationId);
    expect(await storiesCounted("lead")).toBe(stories + 1);
    expect(await positiveStories("lead")).toBe(positive + 1);
  });

  it("are not read again for an event that records a read: an export, a download, an identity read", async () => {
    const stories = await storiesCounted("lead");
    await addDraftUnaudited();
    for (const action of ["dashboard.export", "brief.download", "respondent.identity.read"]) {
      await recordTestChange(database.prisma, world.evaluationId, action);
      expect(await storiesCounted("lead")).toBe(stories);
    }
    await recordTestChange(database.prisma, world.evaluationId);
    expect(await storiesCounted("lead")).toBe(stories + 1);
  });

  it("are read again after an installation-wide change (users' names and roles live there)", async () => {
    const stories = await storiesCounted("lead");
    await addDraftUnaudited();
    expect(await storiesCounted("lead")).toBe(stories);
    await recordTestChange(database.prisma, null);
    expect(await storiesCounted("lead")).toBe(stories + 1);
  });

  it("are kept apart by the reader's scope and by the filters", async () => {
    const lead = await storiesCounted("lead");
    // Reviewers count approved outcomes (S3, S4); the panelist the open round's candidates (S8, S9).
    expect(await storiesCounted("reviewer")).toBe(2);
    expect(await storiesCounted("panelist")).toBe(2);
    expect(await storiesCounted("lead", { domain: world.domains.d2 })).toBe(3);
    expect(await storiesCounted("lead")).toBe(lead);
  });
});
