/**
 * What the team learned, on PostgreSQL: each change with its revision and audit event, the
 * original language required and translations kept with their translator, each kind's shape,
 * numbering that stays 1..n, and two editors who never silently overwrite each other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningText } from "@/lib/learnings/schema";
import { buildChangeStory, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let learnings: typeof import("@/lib/learnings/mutations");
let data: typeof import("@/lib/learnings/data");

/** A text in one language as the form's schema gives it: blanks are null. */
const text = (fields: Partial<LearningText>): LearningText => ({
  title: null,
  body: null,
  sustainability: null,
  translatedById: null,
  ...fields,
});
const blank = { audience: null, atRiskGroupId: null, storyIds: [], domainIds: [] };
const lesson = (es: string, en?: string) => ({
  ...blank,
  kind: "LESSON" as const,
  texts: { ES: text({ body: es }), ...(en ? { EN: text({ body: en }) } : {}) },
});

async function freshTeam(languages: Array<"ES" | "EN"> = ["ES", "EN"]) {
  return createEvaluationWithTeam(database.prisma, {
    evaluation: { languages },
    domainCount: 2,
    roles: ["LEAD", "ANALYST", "EVALUATOR"],
  });
}

const by = (t: EvaluationWithTeam, who: "lead" | "analyst" = "lead") => ({
  actorId: t.members[who]!.id,
  evaluationId: t.evaluation.id,
});

async function lessons(evaluationId: string) {
  return database.prisma.learning.findMany({
    where: { evaluationId, kind: "LESSON" },
    orderBy: { position: "asc" },
    include: { texts: { orderBy: { locale: "asc" } } },
  });
}

async function events(evaluationId: string, action: string) {
  return database.prisma.auditEvent.findMany({ where: { evaluationId, action }, orderBy: { sequence: "asc" } });
}

async function created(result: Awaited<ReturnType<typeof learnings.createLearning>>) {
  if (!result.ok) throw new Error(`refused: ${result.reason} ${result.field ?? ""}`);
  return result.learningId;
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  learnings = await import("@/lib/learnings/mutations");
  data = await import("@/lib/learnings/data");
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("writing lessons", () => {
  it("numbers them in order, keeps a revision of each and audits each", async () => {
    const t = await freshTeam();
    for (const n of [1, 2, 3])
      await created(await learnings.createLearning({ ...by(t, "analyst"), ...lesson(`Lección ${n}`, `Lesson ${n}`) }));
    const rows = await lessons(t.evaluation.id);
    expect(rows.map((row) => [row.position, row.texts.map((text) => text.body)])).toEqual([
      [1, ["Lección 1", "Lesson 1"]],
      [2, ["Lección 2", "Lesson 2"]],
      [3, ["Lección 3", "Lesson 3"]],
    ]);
    // Spanish is the original; the English text names the analyst who saved it as translator.
    expect(rows[0]!.texts.map((text) => [text.locale, text.translatedById])).toEqual([
      ["ES", null],
      ["EN", t.members.analyst!.id],
    ]);
    expect(await database.prisma.learningRevision.count({ where: { evaluationId: t.evaluation.id } })).toBe(3);
    const audit = await events(t.evaluation.id, "learning.create");
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      actorId: t.members.analyst!.id,
      recordType: "Learning",
      recordId: rows[0]!.id,
      after: { kind: "LESSON", position: 1, texts: { ES: { body: "Lección 1" } } },
    });
  });

  it("requires the original language and refuses a language the evaluation does not use", async () => {
    const t = await freshTeam(["ES"]);
    expect(await learnings.createLearning({ ...by(t), ...lesson("Lección", "Only English") })).toEqual({
      ok: false,
      reason: "LANGUAGE_NOT_USED",
      field: "texts.EN.body",
    });
    const both = await freshTeam(["EN", "ES"]);
    expect(await learnings.createLearning({ ...by(both), ...lesson("Solo español") })).toEqual({
      ok: false,
      reason: "TEXT_REQUIRED",
      field: "texts.EN.body",
    });
    expect(
      await database.prisma.learning.count({ where: { evaluationId: { in: [t.evaluation.id, both.evaluation.id] } } }),
    ).toBe(0);
    expect(
      await database.prisma.auditEvent.count({
        where: { evaluationId: { in: [t.evaluation.id, both.evaluation.id] } },
      }),
    ).toBe(0);
  });

  it("keeps a translation's translator when another member is named, and refuses an outsider", async () => {
    const t = await freshTeam();
    const evaluator = t.members.evaluator!.id;
    const id = await created(
      await learnings.createLearning({
        ...by(t),
        ...lesson("Lección", "Lesson"),
        texts: { ES: text({ body: "Lección" }), EN: text({ body: "Lesson", translatedById: evaluator }) },
      }),
    );
    const stored = await database.prisma.learningText.findUniqueOrThrow({
      where: { learningId_locale: { learningId: id, locale: "EN" } },
    });
    expect(stored.translatedById).toBe(evaluator);
    const outsider = await learnings.createLearning({
      ...by(t),
      ...lesson("Otra", "Other"),
      texts: { ES: text({ body: "Otra" }), EN: text({ body: "Other", translatedById: t.outsider.id }) },
    });
    expect(outsider).toEqual({ ok: false, reason: "TRANSLATOR_NOT_MEMBER", field: "texts.EN.translatedById" });
    expect(await lessons(t.evaluation.id)).toHaveLength(1);
  });

  it("stores hostile text literally", async () => {
    const t = await freshTeam();
    const hostile = `<script>alert(1)</script> =HYPERLINK("http://x") '; drop table learning; --`;
    const id = await created(await learnings.createLearning({ ...by(t), ...lesson(hostile) }));
    expect((await database.prisma.learningText.findFirstOrThrow({ where: { learningId: id } })).body).toBe(hostile);
  });
});

describe("the shape of each kind", () => {
  it("gives a recommendation its audience and refuses one without", async () => {
    const t = await freshTeam();
    const base = { ...blank, kind: "RECOMMENDATION" as const, texts: { ES: text({ body: "Recomendación" }) } };
    expect(await learnings.createLearning({ ...by(t), ...base })).toEqual({
      ok: false,
      reason: "AUDIENCE_REQUIRED",
      field: "audience",
    });
    const id = await created(await learnings.createLearning({ ...by(t), ...base, audience: "FUNDER" }));
    expect((await database.prisma.learning.findUniqueOrThrow({ where: { id } })).audience).toBe("FUNDER");
  });

  it("keeps one impact text per at-risk group, of this evaluation's groups", async () => {
    const t = await freshTeam();
    const other = await freshTeam();
    const base = {
      ...blank,
      kind: "AT_RISK_IMPACT" as const,
      atRiskGroupId: t.atRiskGroups[0]!.id,
      texts: { ES: text({ body: "Las trabajadoras…" }) },
    };
    await created(await learnings.createLearning({ ...by(t), ...base }));
    expect(await learnings.createLearning({ ...by(t), ...base })).toEqual({
      ok: false,
      reason: "GROUP_TAKEN",
      field: "atRiskGroupId",
    });
    expect(await learnings.createLearning({ ...by(t), ...base, atRiskGroupId: null })).toEqual({
      ok: false,
      reason: "GROUP_REQUIRED",
      field: "atRiskGroupId",
    });
    expect(await learnings.createLearning({ ...by(t), ...base, atRiskGroupId: other.atRiskGroups[1]!.id })).toEqual({
      ok: false,
      reason: "GROUP_NOT_FOUND",
      field: "atRiskGroupId",
    });
    // A group an impact text names stays on the list.
    const lists = await import("@/lib/setup-lists/mutations");
    expect(
      await lists.removeListItem({
        actorId: t.members.lead.id,
        evaluationId: t.evaluation.id,
        kind: "AT_RISK_GROUP",
        itemId: t.atRiskGroups[0]!.id,
      }),
    ).toEqual({ ok: false, reason: "ITEM_IN_USE" });
  });

  it("keeps one introduction per evaluation", async () => {
    const t = await freshTeam();
    const intro = {
      ...blank,
      kind: "KEY_RESULTS_INTRODUCTION" as const,
      texts: { ES: text({ body: "Resultados clave." }) },
    };
    await created(await learnings.createLearning({ ...by(t), ...intro }));
    expect(await learnings.createLearning({ ...by(t), ...intro })).toEqual({ ok: false, reason: "ALREADY_WRITTEN" });
  });

  it("gives a key learning its theme, sustainability and the stories and domains it draws on", async () => {
    const t = await freshTeam();
    const other = await freshTeam();
    const story = buildChangeStory({ evaluationId: t.evaluation.id, authorId: t.members.lead.id, stage: "SELECTED" });
    const foreign = buildChangeStory({
      evaluationId: other.evaluation.id,
      authorId: other.members.lead.id,
      stage: "SELECTED",
    });
    await database.prisma.changeStory.createMany({ data: [story, foreign] });
    const texts = { ES: text({ title: "Inspección", body: "Narrativa.", sustainability: "Sostenible si…" }) };
    const base = { ...blank, kind: "KEY_LEARNING" as const, texts, domainIds: [t.domains[0]!.id] };
    expect(await learnings.createLearning({ ...by(t), ...base, texts: { ES: text({ body: "Sin tema" }) } })).toEqual({
      ok: false,
      reason: "TITLE_REQUIRED",
      field: "texts.ES.title",
    });
    expect(await learnings.createLearning({ ...by(t), ...base, storyIds: [foreign.id] })).toEqual({
      ok: false,
      reason: "STORY_NOT_FOUND",
      field: "storyIds",
    });
    expect(await learnings.createLearning({ ...by(t), ...base, domainIds: [other.domains[0]!.id] })).toEqual({
      ok: false,
      reason: "DOMAIN_NOT_FOUND",
      field: "domainIds",
    });
    const id = await created(await learnings.createLearning({ ...by(t), ...base, storyIds: [story.id] }));
    const [row] = (await data.listLearnings(t.evaluation.id)).filter((learning) => learning.id === id);
    expect(row).toMatchObject({
      kind: "KEY_LEARNING",
      stories: [{ id: story.id, code: story.code }],
      domains: [{ id: t.domains[0]!.id }],
    });
    expect(row!.texts[0]).toMatchObject({
      locale: "ES",
      title: "Inspección",
      sustainability: "Sostenible si…",
      translatedBy: null,
    });
    // A reader who may see only approved outcomes does not see the selected story's title.
    const [approvedOnly] = (await data.listLearnings(t.evaluation.id, { storyStages: ["APPROVED"] })).filter(
      (learning) => learning.id === id,
    );
    expect(approvedOnly!.stories).toEqual([]);
  });

  it("refuses to newly link a retired domain but keeps one already linked", async () => {
    const t = await freshTeam();
    const domainId = t.domains[0]!.id;
    const base = {
      ...blank,
      kind: "KEY_LEARNING" as const,
      texts: { ES: text({ title: "Tema", body: "Narrativa." }) },
      domainIds: [domainId],
    };
    const id = await created(await learnings.createLearning({ ...by(t), ...base }));
    await database.prisma.domain.update({ where: { id: domainId }, data: { retiredAt: new Date() } });
    expect(await learnings.createLearning({ ...by(t), ...base })).toEqual({
      ok: false,
      reason: "DOMAIN_RETIRED",
      field: "domainIds",
    });
    const edited = await learnings.updateLearning({
      ...by(t),
      ...base,
      learningId: id,
      expectedVersion: 1,
      texts: { ES: text({ title: "Tema nuevo", body: "Narrativa." }) },
    });
    expect(edited).toEqual({ ok: true, version: 2 });
  });
});

describe("editing", () => {
  it("saves a new version with a revision, and refuses an edit made on an older version", async () => {
    const t = await freshTeam();
    const id = await created(await learnings.createLearning({ ...by(t), ...lesson("Primera", "First") }));
    const first = await learnings.updateLearning({
      ...by(t, "analyst"),
      ...lesson("Primera, corregida", "First"),
      learningId: id,
      expectedVersion: 1,
    });
    expect(first).toEqual({ ok: true, version: 2 });
    const stale = await learnings.updateLearning({
      ...by(t),
      ...lesson("Mi versión", "Mine"),
      learningId: id,
      expectedVersion: 1,
    });
    expect(stale).toEqual({ ok: false, reason: "STALE_VERSION" });
    const revisions = await database.prisma.learningRevision.findMany({
      where: { learningId: id },
      orderBy: { version: "asc" },
    });
    expect(
      revisions.map((revision) => [
        revision.version,
        (revision.snapshot as { texts: { ES: { body: string } } }).texts.ES.body,
      ]),
    ).toEqual([
      [1, "Primera"],
      [2, "Primera, corregida"],
    ]);
    const [update] = await events(t.evaluation.id, "learning.update");
    expect(update).toMatchObject({
      actorId: t.members.analyst!.id,
      before: { texts: { ES: { body: "Primera" } } },
      after: { texts: { ES: { body: "Primera, corregida" } } },
    });
    expect(await events(t.evaluation.id, "learning.update")).toHaveLength(1);
  });

  it("records nothing when nothing changed", async () => {
    const t = await freshTeam();
    const id = await created(await learnings.createLearning({ ...by(t), ...lesson("Igual", "Same") }));
    expect(
      await learnings.updateLearning({ ...by(t), ...lesson("Igual", "Same"), learningId: id, expectedVersion: 1 }),
    ).toEqual({ ok: true, version: 1 });
    expect(await events(t.evaluation.id, "learning.update")).toHaveLength(0);
  });

  it("lets only one of two simultaneous edits of the same version through", async () => {
    const t = await freshTeam();
    const id = await created(await learnings.createLearning({ ...by(t), ...lesson("Base", "Base") }));
    const results = await Promise.all([
      learnings.updateLearning({ ...by(t), ...lesson("Uno", "One"), learningId: id, expectedVersion: 1 }),
      learnings.updateLearning({ ...by(t, "analyst"), ...lesson("Dos", "Two"), learningId: id, expectedVersion: 1 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "STALE_VERSION" }]);
    expect(await database.prisma.learningRevision.count({ where: { learningId: id } })).toBe(2);
  });

  it("answers NOT_FOUND for another evaluation's learning, leaving it unchanged", async () => {
    const t = await freshTeam();
    const other = await freshTeam();
    const id = await created(await learnings.createLearning({ ...by(other), ...lesson("Ajena", "Foreign") }));
    await expect(
      learnings.updateLearning({ ...by(t), ...lesson("Mía", "Mine"), learningId: id, expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await lessons(other.evaluation.id))[0]!.texts[0]!.body).toBe("Ajena");
  });
});

describe("order and deletion", () => {
  it("reorders, refuses a reorder made on a list that changed, and renumbers after a deletion", async () => {
    const t = await freshTeam();
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push(await created(await learnings.createLearning({ ...by(t), ...lesson(`L${n}`) })));
    const [a, b, c] = ids as [string, string, string];
    expect(
      await learnings.reorderLearnings({ ...by(t), kind: "LESSON", order: [c, a, b], seenOrder: [a, b, c] }),
    ).toEqual({ ok: true });
    expect(
      await learnings.reorderLearnings({ ...by(t), kind: "LESSON", order: [a, b, c], seenOrder: [a, b, c] }),
    ).toEqual({ ok: false, reason: "ORDER_CHANGED" });
    expect(await learnings.reorderLearnings({ ...by(t), kind: "LESSON", order: [c, a], seenOrder: [c, a, b] })).toEqual(
      { ok: false, reason: "ORDER_INCOMPLETE" },
    );
    expect((await lessons(t.evaluation.id)).map((row) => row.id)).toEqual([c, a, b]);

    expect(await learnings.deleteLearning({ ...by(t), learningId: a, expectedVersion: 1 })).toEqual({ ok: true });
    expect((await lessons(t.evaluation.id)).map((row) => [row.id, row.position])).toEqual([
      [c, 1],
      [b, 2],
    ]);
    const [deleted] = await events(t.evaluation.id, "learning.delete");
    expect(deleted).toMatchObject({
      recordId: a,
      before: { kind: "LESSON", position: 2, texts: { ES: { body: "L1" } } },
    });
    expect(await events(t.evaluation.id, "learning.reorder")).toHaveLength(1);
  });

  it("numbers lessons and recommendations separately", async () => {
    const t = await freshTeam();
    await created(await learnings.createLearning({ ...by(t), ...lesson("Lección") }));
    await created(
      await learnings.createLearning({
        ...by(t),
        ...blank,
        kind: "RECOMMENDATION",
        audience: "IMPLEMENTING_PARTNERS",
        texts: { ES: text({ body: "Recomendación" }) },
      }),
    );
    const rows = await database.prisma.learning.findMany({
      where: { evaluationId: t.evaluation.id },
      select: { kind: true, position: true },
    });
    expect(rows.map((row) => row.position)).toEqual([1, 1]);
  });

  it("adds concurrently without two learnings at one number", async () => {
    const t = await freshTeam();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) => learnings.createLearning({ ...by(t), ...lesson(`Simultánea ${n}`) })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect((await lessons(t.evaluation.id)).map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
