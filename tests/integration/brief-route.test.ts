/**
 * GET /api/evaluations/:id/brief: the file with its type and name for those who may have it; 404
 * with nothing in it for anyone else; 400 for a format, language or copy the route does not know.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let route: typeof import("@/app/api/evaluations/[evaluationId]/brief/route");

const call = (evaluationId: string, search: string) =>
  route.GET(new Request(`http://localhost:3000/api/evaluations/${evaluationId}/brief${search}`), {
    params: Promise.resolve({ evaluationId }),
  });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  route = await import("@/app/api/evaluations/[evaluationId]/brief/route");
  mine = await createEvaluationWithTeam(database.prisma);
  theirs = await createEvaluationWithTeam(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

describe("GET /api/evaluations/:id/brief", () => {
  it("gives a reviewer the approved copy in Word and in PDF, not to be cached", async () => {
    signInAs(mine.members.reviewer!);
    const word = await call(mine.evaluation.id, "?format=docx&lang=en");
    expect(word.status).toBe(200);
    expect(word.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(word.headers.get("content-disposition")).toBe('attachment; filename="learning-brief-en.docx"');
    expect(word.headers.get("cache-control")).toContain("no-store");
    expect(
      Buffer.from(await word.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const pdf = await call(mine.evaluation.id, "?format=pdf&lang=es");
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("gives a lead a draft copy named as such", async () => {
    signInAs(mine.members.lead);
    const draft = await call(mine.evaluation.id, "?format=docx&lang=es&include=selected");
    expect(draft.headers.get("content-disposition")).toBe(
      'attachment; filename="learning-brief-es-draft-selected.docx"',
    );
  });

  it.each([
    ["a panelist of the evaluation", () => actingUser(mine.members.panelist!), ""],
    ["a reviewer asking for a draft", () => actingUser(mine.members.reviewer!), "&include=validated"],
    ["the lead of another evaluation", () => actingUser(theirs.members.lead), ""],
    ["an outsider", () => actingUser(mine.outsider), ""],
    ["an administrator who is not a member", () => actingUser({ ...mine.outsider, isAdmin: true }), ""],
    ["nobody signed in", () => null, ""],
  ])("answers 404 with nothing in it to %s", async (_who, user, extra) => {
    signInAs(user());
    const response = await call(mine.evaluation.id, `?format=docx&lang=en${extra}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND" });
  });

  it.each([
    "",
    "?format=docx",
    "?format=odt&lang=en",
    "?format=docx&lang=fr",
    "?format=docx&lang=en&include=everything",
    "?format=docx&lang=en&include=",
    "?format=DOCX&lang=en",
  ])("refuses %s as a bad request, and audits nothing", async (search) => {
    signInAs(mine.members.lead);
    const before = await database.prisma.auditEvent.count({
      where: { evaluationId: mine.evaluation.id, action: "brief.download" },
    });
    const response = await call(mine.evaluation.id, search);
    expect(response.status).toBe(400);
    expect(
      await database.prisma.auditEvent.count({ where: { evaluationId: mine.evaluation.id, action: "brief.download" } }),
    ).toBe(before);
  });
});
