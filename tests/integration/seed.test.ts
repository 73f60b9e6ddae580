/**
 * The demo seed (prisma/seed/demo.ts) against a real, freshly migrated database: it loads the
 * fixture's facts, runs once only, sets passwords only when asked, and its fieldwork is internally
 * consistent (excerpt offsets, primary domains, storytellers with consent).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "@/lib/core/calendar-day";
import { verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LEARNING_KINDS } from "@/lib/learnings/types";
import { DEMO_EVALUATION_NAME, seedDemo } from "@/prisma/seed/demo";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/demo-users";
import { fixture } from "@/prisma/seed/fixture";
import { createEvaluationWithTeam } from "@/tests/factories";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

/** Rows in every table of the schema, by table name. */
async function countAllRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    // Table names come from the catalog, not from input.
    const [row] = await prisma.$queryRawUnsafe<Array<{ count: bigint }>>(`SELECT count(*) AS count FROM "${name}"`);
    counts[name] = Number(row!.count);
  }
  return counts;
}

async function demoEvaluationId(prisma: PrismaClient): Promise<string> {
  const evaluation = await prisma.evaluation.findFirstOrThrow({ where: { name: DEMO_EVALUATION_NAME } });
  return evaluation.id;
}

describe("seedDemo without demo passwords (a real install)", () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let first: { created: boolean };

  beforeAll(async () => {
    database = await openTestDatabase();
    prisma = database.prisma;
    first = await seedDemo(prisma, { withDemoPasswords: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("creates the fixture's evaluation, 5 domains, 19 projects and 8 priorities", async () => {
    expect(first).toEqual({ created: true });
    const evaluation = await prisma.evaluation.findFirstOrThrow({
      where: { name: fixture.evaluation.name },
      include: {
        domains: { orderBy: { position: "asc" } },
        projects: true,
        priorityTags: { orderBy: { position: "asc" } },
      },
    });
    expect(evaluation.client).toBe(fixture.evaluation.client);
    expect(evaluation.evaluatorOrganisation).toBe(fixture.evaluation.evaluator);
    expect(isoDay(evaluation.periodStart)).toBe("2024-03-01");
    expect(isoDay(evaluation.periodEnd)).toBe("2025-05-31");
    expect(evaluation.languages).toEqual(["ES", "EN"]);
    expect(evaluation.domains.map((domain) => [domain.position, domain.nameEn, domain.nameEs])).toEqual(
      fixture.domains.map((domain) => [domain.order, domain.name_en, domain.name_es]),
    );
    for (const domain of evaluation.domains) {
      expect(domain.definitionEn).toBeTruthy();
      expect(domain.definitionEs).toBeTruthy();
    }
    expect(evaluation.projects.map((project) => project.acronym).sort()).toEqual(
      fixture.projects.map((project) => project.acronym).sort(),
    );
    expect(evaluation.priorityTags.map((tag) => tag.nameEn)).toEqual(fixture.usmca_priorities);
    expect(evaluation.priorityTags.every((tag) => tag.nameEs.length > 0 && tag.nameEs !== tag.nameEn)).toBe(true);
  });

  it("writes what the team learned through the app's mutation: Spanish originals, English translations by the lead, each audited", async () => {
    const evaluation = await prisma.evaluation.findFirstOrThrow({
      where: { name: fixture.evaluation.name },
      select: { id: true },
    });
    const lead = await prisma.user.findUniqueOrThrow({ where: { email: "lead@demo.example" }, select: { id: true } });
    const learnings = await prisma.learning.findMany({
      where: { evaluationId: evaluation.id },
      include: { texts: { orderBy: { locale: "asc" } } },
      orderBy: [{ kind: "asc" }, { position: "asc" }],
    });
    // The demo shows every kind of learning the brief has.
    expect(new Set(learnings.map((learning) => learning.kind))).toEqual(new Set(LEARNING_KINDS));
    for (const learning of learnings)
      expect(learning.texts.map((text) => [text.locale, text.translatedById])).toEqual([
        ["ES", null],
        ["EN", lead.id],
      ]);
    expect(await prisma.auditEvent.count({ where: { evaluationId: evaluation.id, action: "learning.create" } })).toBe(
      learnings.length,
    );
  });

  it("creates the 6 demo users: an admin outside the evaluation and one member per role", async () => {
    const users = await prisma.user.findMany({ include: { memberships: true } });
    expect(users.map((user) => user.email).sort()).toEqual(DEMO_USERS.map((user) => user.email).sort());
    for (const demo of DEMO_USERS) {
      const user = users.find((candidate) => candidate.email === demo.email)!;
      expect(user.isAdmin).toBe(demo.role === "ADMIN");
      expect(user.memberships.map((membership) => membership.roles)).toEqual(
        demo.role === "ADMIN" ? [] : [[demo.role]],
      );
    }
  });

  it("sets no password hash", async () => {
    expect(await prisma.user.count({ where: { passwordHash: { not: null } } })).toBe(0);
  });

  it("changes nothing when run again", async () => {
    const before = await countAllRows(prisma);
    expect(before["change_story"]).toBeGreaterThan(0);
    expect(await seedDemo(prisma, { withDemoPasswords: true })).toEqual({ created: false });
    expect(await countAllRows(prisma)).toEqual(before);
    expect(await prisma.user.count({ where: { passwordHash: { not: null } } })).toBe(0);
  });

  it("anchors every excerpt on the exact transcript text it quotes", async () => {
    const excerpts = await prisma.transcriptExcerpt.findMany({ include: { interview: true, focusGroup: true } });
    expect(excerpts.length).toBeGreaterThanOrEqual(3);
    for (const excerpt of excerpts) {
      const source = excerpt.interview ?? excerpt.focusGroup;
      const transcript = excerpt.variant === "ORIGINAL" ? source?.transcriptOriginal : source?.transcriptTranslation;
      expect(transcript?.slice(excerpt.startOffset, excerpt.endOffset)).toBe(excerpt.quotedText);
    }
  });

  it("gives every story one current primary domain and a storyteller with consent", async () => {
    const stories = await prisma.changeStory.findMany({
      include: {
        domainAssignments: true,
        revisions: true,
        storytellers: { include: { respondent: { include: { consents: { include: { scopes: true } } } } } },
      },
    });
    // Eight stories on their way, and the nine approved outcomes the brief prints (demo-brief.test.ts).
    expect(stories).toHaveLength(17);
    expect(new Set(stories.map((story) => story.stage))).toEqual(
      new Set(["DRAFT", "SUBMITTED", "SCREENED", "IN_SELECTION", "APPROVED"]),
    );
    expect(stories.filter((story) => story.changeType === "NO_CHANGE")).toHaveLength(1);
    for (const story of stories) {
      const primaries = story.domainAssignments.filter((row) => row.kind === "PRIMARY" && row.endedAt === null);
      expect(primaries, story.code).toHaveLength(1);
      expect(primaries[0]!.rationale.length, story.code).toBeGreaterThan(0);
      expect(
        story.revisions.map((revision) => revision.version),
        story.code,
      ).toEqual([1]);
      const consenting = story.storytellers.filter(
        ({ respondent }) =>
          respondent.excludedAt === null &&
          respondent.consents.some(
            (consent) =>
              consent.withdrawnOn === null &&
              ["INTERVIEW", "ANONYMOUS_QUOTATION"].every((scope) =>
                consent.scopes.some((row) => row.scope === scope && row.granted),
              ),
          ),
      );
      expect(consenting.length, story.code).toBeGreaterThanOrEqual(1);
    }
  });

  it("records one withdrawn consent (EXCLUDE) whose respondent is excluded and tells no story", async () => {
    const withdrawn = await prisma.consent.findMany({
      where: { withdrawnOn: { not: null } },
      include: { respondent: true },
    });
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.withdrawalChoice).toBe("EXCLUDE");
    expect(withdrawn[0]!.respondent.excludedAt).not.toBeNull();
    expect(await prisma.storyTeller.count({ where: { respondentId: withdrawn[0]!.respondentId } })).toBe(0);
  });

  it("says in every transcript that it is fictional", async () => {
    const interviews = await prisma.interview.findMany();
    const focusGroups = await prisma.focusGroup.findMany();
    expect(interviews).toHaveLength(6);
    expect(focusGroups).toHaveLength(2);
    for (const record of [...interviews, ...focusGroups]) {
      expect(record.transcriptOriginal).toMatch(/ficticia|ficticio/);
      if (record.transcriptTranslation) expect(record.transcriptTranslation).toMatch(/Fictional/);
    }
  });

  it("lets the test factories add an evaluation with a team beside the demo", async () => {
    const team = await createEvaluationWithTeam(prisma);
    const members = await prisma.evaluationMember.findMany({ where: { evaluationId: team.evaluation.id } });
    expect(members.map((member) => member.roles[0]).sort()).toEqual([
      "ANALYST",
      "EVALUATOR",
      "LEAD",
      "PANELIST",
      "REVIEWER",
    ]);
    expect(members.some((member) => member.userId === team.outsider.id)).toBe(false);
    expect(await demoEvaluationId(prisma)).not.toBe(team.evaluation.id);
  });
});

describe("seedDemo with demo passwords (the embedded demo)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives every demo user the same argon2id hash of DEMO_PASSWORD", async () => {
    expect(await seedDemo(database.prisma, { withDemoPasswords: true })).toEqual({ created: true });
    const users = await database.prisma.user.findMany();
    expect(users).toHaveLength(DEMO_USERS.length);
    const hashes = new Set(users.map((user) => user.passwordHash));
    expect(hashes.size).toBe(1);
    const [hash] = [...hashes];
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash!, "wrong-password")).toBe(false);
  });
});
