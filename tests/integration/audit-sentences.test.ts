/**
 * The audit trail as sentences, on PostgreSQL: the page's loader names each event's record as a
 * person would (a story by its code, a respondent by theirs, a round by its name, a member by
 * their name, evidence by its story), in one query per kind of record; a record of another
 * evaluation or one deleted since gets no label, so the sentence falls back to its kind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { labelKey } from "@/lib/audit-trail/sentences";
import { buildChangeStory, buildEvidenceItem, createStoryWorld, newId } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let world: Awaited<ReturnType<typeof createStoryWorld>>;
let other: Awaited<ReturnType<typeof createStoryWorld>>;
let audit: typeof import("@/lib/audit-trail/loaders");
let story: { id: string; code: string };
let elsewhere: { id: string; code: string };

const lead = () => ({ id: world.team.members.lead.id, isAdmin: false });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  audit = await import("@/lib/audit-trail/loaders");
  world = await createStoryWorld(database.prisma);
  other = await createStoryWorld(database.prisma);
  const write = async (w: typeof world) => {
    const built = buildChangeStory({
      evaluationId: w.evaluationId,
      authorId: w.team.members.evaluator!.id,
      codeNumber: 7,
    });
    await database.prisma.changeStory.create({ data: built });
    return { id: built.id, code: built.code };
  };
  story = await write(world);
  elsewhere = await write(other);
});

afterAll(async () => {
  await database?.close();
});

describe("the audit trail's record names", () => {
  it("names each event's record as a person would, and nothing of another evaluation or a deleted record", async () => {
    const evaluationId = world.team.evaluation.id;
    const evidence = buildEvidenceItem({ evaluationId, storyId: story.id, addedById: world.team.members.analyst!.id });
    await database.prisma.evidenceItem.create({ data: evidence });
    const member = await database.prisma.evaluationMember.findFirstOrThrow({
      where: { evaluationId, userId: world.team.members.evaluator!.id },
    });
    const domain = world.team.domains[0]!;
    const gone = newId();
    const events: Array<[string, string, string]> = [
      ["respondent.identity.read", "Respondent", world.respondents.consenting.id],
      ["story.update", "ChangeStory", story.id],
      ["evidence.create", "EvidenceItem", evidence.id],
      ["member.update_roles", "EvaluationMember", member.id],
      ["domain.update", "Domain", domain.id],
      ["story.update", "ChangeStory", elsewhere.id],
      ["story.update", "ChangeStory", gone],
    ];
    await database.prisma.$transaction(async (tx) => {
      for (const [action, recordType, recordId] of events)
        await recordAudit(tx, { evaluationId, actorId: world.team.members.lead.id, action, recordType, recordId });
    });

    const view = await audit.loadAuditPage(evaluationId, lead(), {}, "en");
    const label = (type: string, id: string) => view?.labels.get(labelKey(type, id));
    expect(label("Respondent", world.respondents.consenting.id)).toBe(world.respondents.consenting.code);
    expect(label("ChangeStory", story.id)).toBe(story.code);
    expect(label("EvidenceItem", evidence.id)).toBe(story.code);
    expect(label("EvaluationMember", member.id)).toBe(world.team.members.evaluator!.name);
    expect(label("Domain", domain.id)).toBe(`“${domain.nameEn}”`);
    expect((await audit.loadAuditPage(evaluationId, lead(), {}, "es"))?.labels.get(labelKey("Domain", domain.id))).toBe(
      `«${domain.nameEs}»`,
    );
    expect(label("ChangeStory", elsewhere.id)).toBeUndefined();
    expect(label("ChangeStory", gone)).toBeUndefined();
  });
});
