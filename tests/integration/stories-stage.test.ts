/**
 * The first steps of the story's path against a real database: each guard reads the rows
 * (storytellers' newest consent, sources, the current primary domain), refusals leave the story
 * where it was, every step writes `story.stage` with from/to, and editing past draft keeps what
 * the stage required.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import type { StoryFormValues } from "@/lib/stories/form-values";
import { buildConsent, buildConsentScopes, day, type StoryWorld } from "@/tests/factories";
import type { TestDatabase } from "@/tests/support/test-database";
import { newStory as newStoryIn, openStoryWorld, storyFields } from "./story-world";

let database: TestDatabase;
let world: StoryWorld;
let mutations: typeof import("@/lib/stories/mutations");
let stage: typeof import("@/lib/stories/stage-mutations");
let domains: typeof import("@/lib/domains/mutations");

const EVALUATOR: Role[] = ["EVALUATOR"];

const fields = (overrides: Partial<StoryFormValues> = {}) => storyFields(world, overrides);
const newStory = (overrides: Partial<StoryFormValues> = {}) => newStoryIn(world, overrides);

const move = (
  storyId: string,
  from: "DRAFT" | "SUBMITTED" | "SCREENED",
  to: "DRAFT" | "SUBMITTED" | "SCREENED",
  extra: { roles?: Role[]; comment?: string } = {},
) =>
  stage.moveStory({
    actorId: world.team.members.evaluator!.id,
    roles: extra.roles ?? EVALUATOR,
    evaluationId: world.evaluationId,
    storyId,
    from,
    to,
    comment: extra.comment,
  });

const stageOf = async (storyId: string) =>
  (await database.prisma.changeStory.findUniqueOrThrow({ where: { id: storyId } })).stage;
const stageEvents = (storyId: string) =>
  database.prisma.auditEvent.findMany({
    where: { evaluationId: world.evaluationId, recordId: storyId, action: "story.stage" },
    orderBy: { sequence: "asc" },
  });

beforeAll(async () => {
  ({ database, world } = await openStoryWorld());
  [mutations, stage, domains] = await Promise.all([
    import("@/lib/stories/mutations"),
    import("@/lib/stories/stage-mutations"),
    import("@/lib/domains/mutations"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("draft → submitted", () => {
  it("is refused with every reason when storytellers lack consent, then allowed once they have it", async () => {
    const { withdrawn, noQuotation, noConsent } = world.respondents;
    const storyId = await newStory({ storytellerIds: [withdrawn.id, noQuotation.id, noConsent.id] });
    const refused = await move(storyId, "DRAFT", "SUBMITTED");
    expect(refused).toEqual({
      ok: false,
      reason: "BLOCKED",
      blockers: [
        { code: "CONSENT_WITHDRAWN", respondent: "R-0002" },
        { code: "CONSENT_SCOPE_NOT_GRANTED", respondent: "R-0003", scope: "ANONYMOUS_QUOTATION" },
        { code: "CONSENT_MISSING", respondent: "R-0004" },
      ],
    });
    expect(await stageOf(storyId)).toBe("DRAFT");
    expect(await stageEvents(storyId)).toHaveLength(0);

    // R-0004 gives consent on a newer form, R-0003 on a newer form that grants quotation; R-0002 is dropped.
    const recordedById = world.team.members.evaluator!.id;
    const newer = [
      buildConsent({
        evaluationId: world.evaluationId,
        respondentId: noConsent.id,
        recordedById,
        givenOn: day("2024-10-01"),
      }),
      buildConsent({
        evaluationId: world.evaluationId,
        respondentId: noQuotation.id,
        recordedById,
        givenOn: day("2024-10-01"),
      }),
    ];
    await database.prisma.consent.createMany({ data: newer });
    await database.prisma.consentScope.createMany({ data: newer.flatMap((consent) => buildConsentScopes(consent)) });
    await mutations.updateStory({
      actorId: recordedById,
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: fields({ storytellerIds: [noQuotation.id, noConsent.id] }),
    });

    expect(await move(storyId, "DRAFT", "SUBMITTED")).toEqual({ ok: true, stage: "SUBMITTED" });
    const [event] = await stageEvents(storyId);
    expect(event).toMatchObject({
      actorId: recordedById,
      recordType: "ChangeStory",
      before: { stage: "DRAFT" },
      after: { stage: "SUBMITTED" },
    });
  });

  it("needs a storyteller and a source", async () => {
    const storyId = await newStory({ storytellerIds: [], sources: [] });
    expect(await move(storyId, "DRAFT", "SUBMITTED")).toEqual({
      ok: false,
      reason: "BLOCKED",
      blockers: [{ code: "NO_STORYTELLER" }, { code: "NO_SOURCE" }],
    });
  });

  it("is refused for a story flagged after a storyteller's data was destroyed", async () => {
    const storyId = await newStory();
    await database.prisma.changeStory.update({
      where: { id: storyId },
      data: { flaggedSourceDestroyedAt: new Date() },
    });
    expect(await move(storyId, "DRAFT", "SUBMITTED")).toMatchObject({
      ok: false,
      blockers: [{ code: "SOURCE_DESTROYED" }],
    });
  });

  it("is not for panelists, analysts or reviewers", async () => {
    const storyId = await newStory();
    for (const role of ["PANELIST", "ANALYST", "REVIEWER"] as Role[]) {
      await expect(move(storyId, "DRAFT", "SUBMITTED", { roles: [role] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await stageOf(storyId)).toBe("DRAFT");
  });

  it("refuses steps that are not in the table, and a stage the mover no longer sees", async () => {
    const storyId = await newStory();
    expect(await move(storyId, "DRAFT", "SCREENED")).toEqual({ ok: false, reason: "NO_SUCH_STEP" });
    await expect(move(storyId, "SUBMITTED", "SCREENED", { roles: ["LEAD"] })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await stageOf(storyId)).toBe("DRAFT");
  });
});

describe("submitted → screened, and sending back", () => {
  it("screening needs a current primary domain", async () => {
    const storyId = await newStory();
    await move(storyId, "DRAFT", "SUBMITTED");
    expect(await move(storyId, "SUBMITTED", "SCREENED")).toEqual({
      ok: false,
      reason: "BLOCKED",
      blockers: [{ code: "NO_PRIMARY_DOMAIN" }],
    });
    await domains.assignDomain({
      actorId: world.team.members.lead.id,
      evaluationId: world.evaluationId,
      storyId,
      domainId: world.team.domains[1]!.id,
      kind: "PRIMARY",
      rationale: "Defensa de derechos.",
      expectedPrimaryId: null,
    });
    expect(await move(storyId, "SUBMITTED", "SCREENED")).toEqual({ ok: true, stage: "SCREENED" });
  });

  it("sending back needs a comment, which the audit event keeps", async () => {
    const storyId = await newStory();
    await move(storyId, "DRAFT", "SUBMITTED");
    expect(await move(storyId, "SUBMITTED", "DRAFT", { comment: "   " })).toEqual({
      ok: false,
      reason: "COMMENT_REQUIRED",
      field: "comment",
    });
    expect(await stageOf(storyId)).toBe("SUBMITTED");
    expect(
      await move(storyId, "SUBMITTED", "DRAFT", { comment: "Falta la cifra de 2023. <script>x</script>" }),
    ).toEqual({ ok: true, stage: "DRAFT" });
    const events = await stageEvents(storyId);
    expect(events.map((event) => [event.before, event.after])).toEqual([
      [{ stage: "DRAFT" }, { stage: "SUBMITTED" }],
      [{ stage: "SUBMITTED" }, { stage: "DRAFT", comment: "Falta la cifra de 2023. <script>x</script>" }],
    ]);
  });
});

describe("editing a story past draft", () => {
  it("is allowed and keeps a revision", async () => {
    const storyId = await newStory();
    await move(storyId, "DRAFT", "SUBMITTED");
    const result = await mutations.updateStory({
      actorId: world.team.members.lead.id,
      evaluationId: world.evaluationId,
      storyId,
      expectedVersion: 1,
      story: fields({ title: "Revisada" }),
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(await stageOf(storyId)).toBe("SUBMITTED");
    expect(await database.prisma.storyRevision.count({ where: { storyId } })).toBe(2);
  });

  it("cannot remove every storyteller or source, nor add a storyteller without consent; nothing is written", async () => {
    const storyId = await newStory();
    await move(storyId, "DRAFT", "SUBMITTED");
    const save = (overrides: Partial<StoryFormValues>) =>
      mutations.updateStory({
        actorId: world.team.members.lead.id,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields(overrides),
      });
    expect(await save({ storytellerIds: [] })).toEqual({
      ok: false,
      reason: "NO_STORYTELLER",
      field: "storytellerIds",
    });
    expect(await save({ sources: [] })).toEqual({ ok: false, reason: "NO_SOURCE", field: "sources" });
    expect(await save({ storytellerIds: [world.respondents.consenting.id, world.respondents.withdrawn.id] })).toEqual({
      ok: false,
      reason: "STORYTELLER_CONSENT",
      field: "storytellerIds",
    });
    const row = await database.prisma.changeStory.findUniqueOrThrow({
      where: { id: storyId },
      include: { storytellers: true, sources: true, revisions: true },
    });
    expect([row.version, row.storytellers.length, row.sources.length, row.revisions.length]).toEqual([1, 1, 1, 1]);
  });

  it("is refused once the story has gone on to selection", async () => {
    const storyId = await newStory();
    await database.prisma.changeStory.update({ where: { id: storyId }, data: { stage: "IN_SELECTION" } });
    expect(
      await mutations.updateStory({
        actorId: world.team.members.lead.id,
        evaluationId: world.evaluationId,
        storyId,
        expectedVersion: 1,
        story: fields({ title: "x" }),
      }),
    ).toEqual({
      ok: false,
      reason: "STAGE_LOCKED",
    });
  });
});
