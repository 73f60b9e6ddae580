/**
 * The REFI-QDA project of the demo evaluation (seeded with sealed identities), as an analyst
 * downloads it: valid against the schema, every passage inside its text and equal to the words
 * the app marked, no dangling reference, exactly the respondents whose consent allows sharing,
 * and none of the demo's identities anywhere in the zip.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyRingFromEnv } from "@/lib/crypto";
import { consentStanding } from "@/lib/respondents/policy";
import { openIdentity } from "@/lib/respondents/sealing";
import { DEMO_EVALUATION_NAME, seedDemo } from "@/prisma/seed/demo";
import { signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { elementsOf, qdpxEntries, validateAgainstSchema } from "@/tests/support/qdpx";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let evaluationId: string;
let project: { body: Buffer; entries: Awaited<ReturnType<typeof qdpxEntries>>; xml: string };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  await seedDemo(prisma, { withDemoPasswords: false, identityKeyRing: keyRingFromEnv() });
  evaluationId = (
    await prisma.evaluation.findFirstOrThrow({ where: { name: DEMO_EVALUATION_NAME }, select: { id: true } })
  ).id;
  const route = await import("@/app/api/evaluations/[evaluationId]/exports/project.qdpx/route");
  signInAs(await prisma.user.findUniqueOrThrow({ where: { email: "analyst@demo.example" } }));
  const response = await route.GET(
    new Request(`http://localhost:3000/api/evaluations/${evaluationId}/exports/project.qdpx`),
    { params: Promise.resolve({ evaluationId }) },
  );
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  const entries = await qdpxEntries(body);
  project = { body, entries, xml: entries.find((entry) => entry.name === "project.qde")!.bytes.toString("utf8") };
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the demo evaluation's REFI-QDA project", () => {
  it("is valid against the schema and holds transcripts and passages", () => {
    const verdict = validateAgainstSchema(Buffer.from(project.xml, "utf8"));
    expect(verdict.output).toBe("");
    expect(verdict.ok).toBe(true);
    const elements = elementsOf(project.xml);
    expect(elements.filter((element) => element.name === "TextSource").length).toBeGreaterThan(0);
    expect(elements.filter((element) => element.name === "PlainTextSelection").length).toBeGreaterThan(0);
  });

  it("places every passage inside its text, on the words the app marked", async () => {
    const excerpts = await database.prisma.transcriptExcerpt.findMany({
      where: { evaluationId },
      select: { quotedText: true },
    });
    const quoted = new Set(excerpts.map((excerpt) => excerpt.quotedText.replace(/\r\n?/g, "\n")));
    for (const [, guid = "", inner = ""] of project.xml.matchAll(
      /<TextSource guid="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/TextSource>)/g,
    )) {
      const file = project.entries.find((entry) => entry.name === `sources/${guid}.txt`);
      expect(file, guid).toBeDefined();
      const text = [...file!.bytes.toString("utf8")];
      for (const [, start = "", end = ""] of inner.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)) {
        expect(Number(end)).toBeLessThanOrEqual(text.length);
        expect(quoted.has(text.slice(Number(start), Number(end)).join(""))).toBe(true);
      }
    }
  });

  it("leaves no reference dangling", () => {
    const elements = elementsOf(project.xml);
    const defined = new Set(elements.flatMap((element) => (element.attributes.guid ? [element.attributes.guid] : [])));
    expect(
      elements.filter((element) => element.attributes.targetGUID && !defined.has(element.attributes.targetGUID)),
    ).toEqual([]);
  });

  it("has as cases exactly the respondents whose consent allows sharing with the funder, and no identity anywhere", async () => {
    const respondents = await database.prisma.respondent.findMany({
      where: { evaluationId },
      orderBy: { codeNumber: "asc" },
      select: {
        id: true,
        code: true,
        excludedAt: true,
        identity: true,
        consents: {
          select: { givenOn: true, createdAt: true, withdrawnOn: true, withdrawalChoice: true, scopes: true },
        },
      },
    });
    const shared = respondents
      .filter((respondent) => consentStanding(respondent, "SHARE_WITH_FUNDER") === "ALLOWED")
      .map((respondent) => respondent.code);
    // The demo has people on both sides, or this test would prove nothing.
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(respondents.length);
    const cases = elementsOf(project.xml)
      .filter((element) => element.name === "Case")
      .map((element) => element.attributes.name);
    expect(cases).toEqual(shared);

    const everything = project.entries.map((entry) => entry.bytes.toString("utf8")).join("\n");
    const names = respondents.flatMap((respondent) => {
      if (!respondent.identity || respondent.identity.destroyedAt) return [];
      const identity = openIdentity(respondent.id, respondent.identity, keyRingFromEnv());
      return [identity.name, identity.phone, identity.email].filter((value): value is string => Boolean(value));
    });
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(everything, name).not.toContain(name);
  });
});
