/**
 * The respondent loaders against a real PostgreSQL: who gets null, and what each permitted reader
 * gets — never identity content; whether an identity exists and the withdrawal note only for
 * those who may see them; the forms and the consent pages only for those who may use them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangeStory, buildRespondentIdentity, createStoryWorld, type StoryWorld } from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let world: StoryWorld;
let loaders: typeof import("@/lib/respondents/loaders");

const SECRET_NAME = "Nombre Secreto Canario";
const NOTE = "Nota personal de la retirada.";
const member = (role: "lead" | "evaluator" | "analyst" | "panelist" | "reviewer") =>
  readerOf(world.team.members[role]!);
const state = { page: 1, pageSize: 25, sort: { id: "code", desc: false }, columns: [], filters: {} };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  loaders = await import("@/lib/respondents/loaders");
  world = await createStoryWorld(database.prisma);
  const { evaluationId, respondents, interview } = world;
  await database.prisma.respondentIdentity.create({
    data: buildRespondentIdentity({ evaluationId, respondentId: respondents.consenting.id, name: SECRET_NAME }),
  });
  await database.prisma.consent.updateMany({
    where: { respondentId: respondents.withdrawn.id },
    data: { withdrawalNote: NOTE },
  });
  await database.prisma.interviewRespondent.create({
    data: { evaluationId, interviewId: interview.id, respondentId: respondents.consenting.id },
  });
  const story = buildChangeStory({ evaluationId, authorId: world.team.members.evaluator!.id });
  await database.prisma.changeStory.create({ data: story });
  await database.prisma.storyTeller.create({
    data: { evaluationId, storyId: story.id, respondentId: respondents.consenting.id },
  });
});

afterAll(async () => {
  await database?.close();
});

describe("the respondent loaders", () => {
  it("are null for an outsider, members who may not see respondents, and no reader", async () => {
    const { evaluationId, respondents } = world;
    for (const who of [readerOf(world.team.outsider), member("panelist"), member("reviewer"), null]) {
      expect(await loaders.loadRespondentList(evaluationId, who, state)).toBeNull();
      expect(await loaders.loadRespondentPage(evaluationId, respondents.consenting.id, who)).toBeNull();
      expect(await loaders.loadNewRespondentForm(evaluationId, who)).toBeNull();
      expect(await loaders.loadRespondentForm(evaluationId, respondents.consenting.id, who)).toBeNull();
      expect(await loaders.loadRespondentConsent(evaluationId, respondents.consenting.id, who)).toBeNull();
    }
  });

  it("give an evaluator whether the identity exists, the withdrawal note and where the respondent appears, never the identity itself", async () => {
    const view = (await loaders.loadRespondentPage(
      world.evaluationId,
      world.respondents.consenting.id,
      member("evaluator"),
    ))!;
    expect(view.can).toEqual({
      edit: true,
      editIdentity: true,
      editConsent: true,
      viewInterviews: true,
      viewStories: true,
    });
    expect(view.respondent.identity).toEqual({ state: "present" });
    expect(view.respondent.interviews.map((row) => row.id)).toEqual([world.interview.id]);
    expect(view.respondent.stories).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain(SECRET_NAME);
    const withdrawn = (await loaders.loadRespondentPage(
      world.evaluationId,
      world.respondents.withdrawn.id,
      member("evaluator"),
    ))!;
    expect(withdrawn.respondent.consents[0]?.withdrawalNote).toBe(NOTE);
  });

  it("give an analyst the respondent without identity state, withdrawal note, forms or consent pages", async () => {
    const view = (await loaders.loadRespondentPage(
      world.evaluationId,
      world.respondents.withdrawn.id,
      member("analyst"),
    ))!;
    expect(view.can).toEqual({
      edit: false,
      editIdentity: false,
      editConsent: false,
      viewInterviews: true,
      viewStories: true,
    });
    expect(view.respondent.identity).toBeNull();
    expect(view.respondent.consents[0]?.withdrawalNote).toBeNull();
    expect(JSON.stringify(view)).not.toContain(NOTE);
    expect(
      (await loaders.loadRespondentPage(world.evaluationId, world.respondents.consenting.id, member("analyst")))!
        .respondent.identity,
    ).toBeNull();
    expect(await loaders.loadNewRespondentForm(world.evaluationId, member("analyst"))).toBeNull();
    expect(
      await loaders.loadRespondentForm(world.evaluationId, world.respondents.consenting.id, member("analyst")),
    ).toBeNull();
    expect(
      await loaders.loadRespondentConsent(world.evaluationId, world.respondents.consenting.id, member("analyst")),
    ).toBeNull();
    expect((await loaders.loadRespondentList(world.evaluationId, member("analyst"), state))?.total).toBeGreaterThan(0);
  });

  it("give the forms and the consent pages to those who use them, in this evaluation only", async () => {
    const form = (await loaders.loadRespondentForm(
      world.evaluationId,
      world.respondents.consenting.id,
      member("lead"),
    ))!;
    expect(form.respondent.code).toBe(world.respondents.consenting.code);
    expect(form.options.places.map((place) => place.state).sort()).toEqual(["Coahuila", "Oaxaca"]);
    expect((await loaders.loadNewRespondentForm(world.evaluationId, member("evaluator")))?.evaluationName).toBeTruthy();
    const consent = (await loaders.loadRespondentConsent(
      world.evaluationId,
      world.respondents.withdrawn.id,
      member("evaluator"),
    ))!;
    expect(consent.consents[0]?.withdrawnOn).not.toBeNull();
    const elsewhere = await createStoryWorld(database.prisma);
    expect(
      await loaders.loadRespondentPage(
        elsewhere.evaluationId,
        world.respondents.consenting.id,
        readerOf(elsewhere.team.members.lead),
      ),
    ).toBeNull();
    expect(
      await loaders.loadRespondentForm(
        elsewhere.evaluationId,
        world.respondents.consenting.id,
        readerOf(elsewhere.team.members.lead),
      ),
    ).toBeNull();
  });
});
