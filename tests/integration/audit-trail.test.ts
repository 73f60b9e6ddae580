/**
 * The audit page's reads and the CSV export: only the evaluation's own events, newest first in
 * keyset pages; filters cannot be widened by operator-like input; only leads and admins export,
 * and the export is itself audited.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { actingUser, signInAs } from "@/tests/support/session";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let audit: typeof import("@/lib/audit");
let trail: typeof import("@/lib/audit-trail/data");
let schema: typeof import("@/lib/audit-trail/schema");
let exportRoute: typeof import("@/app/api/evaluations/[evaluationId]/audit/export/route");

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [audit, trail, schema, exportRoute] = await Promise.all([
    import("@/lib/audit"),
    import("@/lib/audit-trail/data"),
    import("@/lib/audit-trail/schema"),
    import("@/app/api/evaluations/[evaluationId]/audit/export/route"),
  ]);
  mine = await createEvaluationWithTeam(database.prisma);
  theirs = await createEvaluationWithTeam(database.prisma);
  const { prisma } = database;
  for (let i = 1; i <= 120; i += 1) {
    await prisma.$transaction((tx) =>
      audit.recordAudit(tx, {
        evaluationId: mine.evaluation.id,
        actorId: i % 2 ? mine.members.lead.id : mine.members.evaluator!.id,
        action: i % 3 ? "story.update" : "respondent.identity.read",
        recordType: i % 3 ? "ChangeStory" : "Respondent",
        recordId: i === 7 ? '=HYPERLINK("http://evil.example")' : `rec-${i}`,
        after: { title: `title ${i}` },
      }),
    );
  }
  await prisma.$transaction((tx) =>
    audit.recordAudit(tx, {
      evaluationId: theirs.evaluation.id,
      actorId: theirs.members.lead.id,
      action: "story.update",
      recordType: "ChangeStory",
      recordId: "secret-record",
    }),
  );
});

afterAll(async () => {
  await database?.close();
});

describe("the audit trail page's reads", () => {
  it("pages newest first by sequence, without gaps or repeats, and only this evaluation's events", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await trail.listAuditEvents(mine.evaluation.id, { before });
      seen.push(...page.events.map((event) => event.sequence.toString()));
      if (!page.next) break;
      before = page.next;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => String(120 - i)));
  });

  it("filters by person, action prefix, record and date, and names the actors in one query", async () => {
    const byLead = await trail.listAuditEvents(mine.evaluation.id, { actor: mine.members.lead.id }, 200);
    expect(byLead.events).toHaveLength(60);
    expect(byLead.actors.get(mine.members.lead.id)).toBe(mine.members.lead.name);
    const reads = await trail.listAuditEvents(mine.evaluation.id, { action: "respondent.identity" }, 200);
    expect(reads.events).toHaveLength(40);
    expect((await trail.listAuditEvents(mine.evaluation.id, { recordId: "rec-8" })).events).toHaveLength(1);
    expect(
      (await trail.listAuditEvents(mine.evaluation.id, { from: "2000-01-01", to: "2000-01-02" })).events,
    ).toHaveLength(0);
  });

  it("treats operator-like filter values as plain text, and drops unknown or malformed ones", async () => {
    const filters = schema.parseAuditFilters({
      actor: '{"contains":""}',
      "actor[not]": "x",
      action: ["story.", "respondent."],
      from: "yesterday",
      before: "1; DROP TABLE audit_event",
    });
    expect(filters).toEqual({ actor: '{"contains":""}', action: "story." });
    expect((await trail.listAuditEvents(mine.evaluation.id, filters)).events).toHaveLength(0);
  });
});

describe("checking every chain", () => {
  it("reports each evaluation's chain by name, intact", async () => {
    const results = await trail.verifyAllAuditChains(database.prisma);
    const mineResult = results.find((result) => result.evaluationId === mine.evaluation.id);
    expect(mineResult).toMatchObject({ name: mine.evaluation.name, verdict: { ok: true } });
    expect(results.every((result) => result.verdict.ok)).toBe(true);
  });
});

describe("GET /api/evaluations/:id/audit/export", () => {
  const call = (evaluationId: string, search = "") =>
    exportRoute.GET(new Request(`http://localhost:3000/api/evaluations/${evaluationId}/audit/export${search}`), {
      params: Promise.resolve({ evaluationId }),
    });

  it("gives the lead a CSV of the filtered events, safe for spreadsheets, and audits the export", async () => {
    signInAs(mine.members.lead);
    const response = await call(mine.evaluation.id, "?action=story.");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("sequence,time_utc,actor_id,actor_name,action,record_type,record_id,before,after,ip_address");
    expect(lines).toHaveLength(1 + 80);
    expect(lines.find((line) => line.startsWith("7,"))).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
    expect(lines.join("\n")).not.toContain("secret-record");
    const exported = await database.prisma.auditEvent.findFirst({
      where: { evaluationId: mine.evaluation.id, action: "audit.export" },
    });
    expect(exported?.after).toMatchObject({
      table: "audit",
      format: "csv",
      filters: { action: "story." },
      rowCount: 80,
    });
  });

  it.each([
    ["a panelist of the evaluation", () => actingUser(mine.members.panelist!)],
    ["a reviewer of the evaluation", () => actingUser(mine.members.reviewer!)],
    ["the lead of another evaluation", () => actingUser(theirs.members.lead)],
    ["an outsider", () => actingUser(mine.outsider)],
    ["nobody signed in", () => null],
  ])("answers 404 with nothing in it to %s", async (_who, user) => {
    signInAs(user());
    const response = await call(mine.evaluation.id);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND" });
  });

  it("lets an administrator export any evaluation's trail", async () => {
    const admin = { id: "admin-1", name: "Admin", email: "admin@x.example", isAdmin: true };
    await database.prisma.user.create({ data: { ...admin } });
    signInAs(admin);
    const response = await call(theirs.evaluation.id);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("secret-record");
  });
});
