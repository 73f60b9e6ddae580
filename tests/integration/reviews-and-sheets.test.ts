/**
 * Funder review and validation sheets against PostgreSQL: reviewers decide once per story (two at
 * once → one decision), never on their own story nor on an outdated revision; what reviewers read
 * carries no identity; the lead's decision after a return is audited; the PDF sheet holds the
 * round's revision, in the respondent's language, and its download is authorised and audited.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { expectOnlyEmbeddedNotoSans, poppler } from "@/tests/support/document-tools";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import {
  createStoryAt,
  createVerificationWorld,
  editStory,
  IDENTITY_NAMES,
  type VerificationWorld,
} from "./validation-world";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let world: VerificationWorld;
let reviews: typeof import("@/lib/reviews/mutations");
let reviewData: typeof import("@/lib/reviews/data");
let rounds: typeof import("@/lib/validation/mutations");
let sample: typeof import("@/lib/validation/sample-mutations");
let sheetRoute: typeof import("@/app/(app)/evaluations/[evaluationId]/validation/[roundId]/sheets/[respondentId]/route");

const stageOf = async (id: string) => (await database.prisma.changeStory.findUniqueOrThrow({ where: { id } })).stage;
const reviewer = () => ({ actorId: world.team.members.reviewer!.id });
const codeOf = (error: { code?: string }) => error.code;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [reviews, reviewData, rounds, sample, sheetRoute] = await Promise.all([
    import("@/lib/reviews/mutations"),
    import("@/lib/reviews/data"),
    import("@/lib/validation/mutations"),
    import("@/lib/validation/sample-mutations"),
    import("@/app/(app)/evaluations/[evaluationId]/validation/[roundId]/sheets/[respondentId]/route"),
  ]);
  world = await createVerificationWorld(database.prisma);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe("funder review", () => {
  it("sends a validated story to review only when every storyteller allows sharing with the funder", async () => {
    const blocked = await createStoryAt(database.prisma, world, "VALIDATED", [world.respondents.withdrawn.id]);
    expect(
      await reviews.sendToReview(
        { actorId: world.team.members.lead.id },
        { evaluationId: world.evaluationId, storyId: blocked.id },
      ),
    ).toEqual({
      ok: false,
      reason: "NO_FUNDER_CONSENT",
      respondent: world.respondents.withdrawn.code,
    });
    const ready = await createStoryAt(database.prisma, world, "VALIDATED");
    expect(
      await reviews.sendToReview(
        { actorId: world.team.members.lead.id },
        { evaluationId: world.evaluationId, storyId: ready.id },
      ),
    ).toEqual({ ok: true });
    expect(await stageOf(ready.id)).toBe("IN_REVIEW");
  });

  it("lets two reviewers decide at once and keeps exactly one decision", async () => {
    const story = await createStoryAt(database.prisma, world, "IN_REVIEW");
    const second = world.team.outsider.id; // any user who did not write the story; membership is the action's business
    const results = await Promise.all([
      reviews
        .decideReview(reviewer(), {
          evaluationId: world.evaluationId,
          storyId: story.id,
          storyRevisionId: story.revisionId,
          decision: "APPROVE",
          comment: "",
        })
        .catch(codeOf),
      reviews
        .decideReview(
          { actorId: second },
          {
            evaluationId: world.evaluationId,
            storyId: story.id,
            storyRevisionId: story.revisionId,
            decision: "RETURN",
            comment: "Falta la fuente.",
          },
        )
        .catch(codeOf),
    ]);
    expect(results.filter((r) => typeof r === "object" && r.ok)).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(1);
    expect(await database.prisma.review.count({ where: { storyId: story.id } })).toBe(1);
    const stageEvents = await database.prisma.auditEvent.findMany({
      where: { recordId: story.id, action: "story.stage" },
    });
    expect(stageEvents).toHaveLength(1);
    expect(
      await database.prisma.auditEvent.count({
        where: {
          evaluationId: world.evaluationId,
          action: "review.decide",
          after: { path: ["story"], equals: story.code },
        },
      }),
    ).toBe(1);
  });

  it("refuses a reviewer who edited the story, an outdated revision and a return without a comment", async () => {
    const story = await createStoryAt(database.prisma, world, "IN_REVIEW");
    const outdated = story.revisionId;
    const current = await editStory(database.prisma, world, story.id, world.team.members.reviewer!.id);
    const decide = (storyRevisionId: string, decision: "APPROVE" | "RETURN", comment = "") =>
      reviews.decideReview(reviewer(), {
        evaluationId: world.evaluationId,
        storyId: story.id,
        storyRevisionId,
        decision,
        comment,
      });
    expect(await decide(current, "APPROVE")).toEqual({
      ok: false,
      reason: "REVIEWER_WROTE_STORY",
    });
    const other = { actorId: world.team.members.analyst!.id };
    expect(
      await reviews.decideReview(other, {
        evaluationId: world.evaluationId,
        storyId: story.id,
        storyRevisionId: outdated,
        decision: "APPROVE",
        comment: "",
      }),
    ).toEqual({
      ok: false,
      reason: "REVISION_OUTDATED",
    });
    expect(
      await reviews.decideReview(other, {
        evaluationId: world.evaluationId,
        storyId: story.id,
        storyRevisionId: current,
        decision: "RETURN",
        comment: "   ",
      }),
    ).toEqual({
      ok: false,
      reason: "COMMENT_REQUIRED",
    });
    expect(await stageOf(story.id)).toBe("IN_REVIEW");
    expect(await database.prisma.review.count({ where: { storyId: story.id } })).toBe(0);
  });

  it("returns a story, then the lead decides whether it needs a new validation (audited)", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const roundId = (await rounds.createRound(
      { actorId: world.team.members.lead.id },
      {
        evaluationId: world.evaluationId,
        round: {
          name: "R",
          startsOn: "2025-01-01",
          endsOn: "2025-01-31",
          method: "PHONE",
          targetSize: 2,
          notes: null,
          storyIds: [story.id],
        },
      },
    )) as { roundId: string };
    await sample.addSampleMember(
      { actorId: world.team.members.lead.id },
      { evaluationId: world.evaluationId, roundId: roundId.roundId, respondentCode: world.pool[5]!.code },
    );
    await rounds.stepRound(
      { actorId: world.team.members.lead.id },
      { evaluationId: world.evaluationId, roundId: roundId.roundId, step: "open", expectedVersion: 1 },
    );
    expect(
      await rounds.stepRound(
        { actorId: world.team.members.lead.id },
        { evaluationId: world.evaluationId, roundId: roundId.roundId, step: "close", expectedVersion: 2 },
      ),
    ).toMatchObject({ ok: true, validated: [story.code] });
    await reviews.sendToReview(
      { actorId: world.team.members.lead.id },
      { evaluationId: world.evaluationId, storyId: story.id },
    );
    expect(
      await reviews.decideReview(reviewer(), {
        evaluationId: world.evaluationId,
        storyId: story.id,
        storyRevisionId: story.revisionId,
        decision: "RETURN",
        comment: "Aclarar el periodo.",
      }),
    ).toMatchObject({ ok: true, stage: "RETURNED" });
    await editStory(database.prisma, world, story.id);
    const lead = { actorId: world.team.members.lead.id };
    const decide = (choice: "NEW_VALIDATION" | "NO_NEW_VALIDATION", comment: string) =>
      reviews.decideRevalidation(lead, { evaluationId: world.evaluationId, storyId: story.id, choice, comment });
    expect(await decide("NO_NEW_VALIDATION", "")).toEqual({
      ok: false,
      reason: "COMMENT_REQUIRED",
    });
    expect(await decide("NO_NEW_VALIDATION", "Solo cambió la redacción del periodo.")).toEqual({
      ok: true,
      stage: "VALIDATED",
    });
    const [decision] = await database.prisma.auditEvent.findMany({
      where: { recordId: story.id, action: "story.revalidation_decision" },
    });
    expect(decision!.after).toMatchObject({
      choice: "NO_NEW_VALIDATION",
      comment: "Solo cambió la redacción del periodo.",
    });
  });

  it("gives reviewers a queue and a story with no identity anywhere in them", async () => {
    const story = await createStoryAt(database.prisma, world, "IN_REVIEW", [world.pool[0]!.id, world.pool[1]!.id]);
    await database.prisma.evidenceItem.create({
      data: {
        evaluationId: world.evaluationId,
        storyId: story.id,
        sourceType: "ADMINISTRATIVE_RECORD",
        citation: "Registro de contratos 2024",
        whatItShows: "24 legitimaciones",
        stance: "SUPPORTS",
        strength: "STRONG",
        addedById: world.team.members.analyst!.id,
      },
    });
    const queue = await reviewData.getReviewQueue(world.evaluationId, 1);
    expect(queue.rows.find((row) => row.id === story.id)).toMatchObject({ code: story.code, evidence: 1 });
    const detail = await reviewData.getReviewStory(world.evaluationId, story.id);
    expect(detail?.story.storytellers).toEqual([world.pool[0]!.code, world.pool[1]!.code]);
    const json = JSON.stringify([queue, detail]);
    for (const secret of [...IDENTITY_NAMES, "Ejido Secreto", "871 555", world.pool[0]!.id, world.pool[1]!.id])
      expect(json).not.toContain(secret);
    expect(await reviewData.getReviewStory("another-evaluation", story.id)).toBeNull();
  });

  it("finds no story for a reviewer's page that was never sent to review, whatever its address", async () => {
    for (const stage of ["DRAFT", "SELECTED", "VALIDATED"] as const) {
      const story = await createStoryAt(database.prisma, world, stage, [world.pool[0]!.id]);
      expect(await reviewData.getReviewStory(world.evaluationId, story.id)).toBeNull();
    }
  });

  it("states the outcome to reviewers as the brief will: qualifiers, an open period, a lack of change", async () => {
    const story = await createStoryAt(database.prisma, world, "IN_REVIEW");
    await database.prisma.storyFigure.updateMany({
      where: { storyId: story.id },
      data: { qualifier: "MORE_THAN", value: "600000" },
    });
    await database.prisma.changeStory.update({
      where: { id: story.id },
      data: { changeType: "NO_CHANGE", periodFrom: new Date("2022-01-01"), periodTo: null },
    });
    await editStory(database.prisma, world, story.id);
    const { outcomeSentence } = await import("@/lib/brief/outcome-sentence");
    const detail = await reviewData.getReviewStory(world.evaluationId, story.id);
    expect(outcomeSentence(detail!.story.outcome, "es").text).toBe(
      "Sin cambio documentado: Título corregido, desde 2022 (Contratos legitimados: más de 600,000).",
    );
    expect(outcomeSentence(detail!.story.outcome, "en").text).toBe(
      "No change documented: [untranslated], since 2022 ([untranslated]: over 600,000).",
    );
  });
});

const sheets = mkdtempSync(path.join(tmpdir(), "validation-sheet-"));
let sheetCount = 0;

/** The sheet on disk, for poppler to open as a reader would. */
function saved(bytes: Buffer): string {
  sheetCount += 1;
  const where = path.join(sheets, `sheet-${sheetCount}.pdf`);
  writeFileSync(where, bytes);
  return where;
}

/** The sheet's text as poppler reads it, lines joined with spaces. */
function pdfText(bytes: Buffer): string {
  return poppler("pdftotext", [saved(bytes), "-"]).replace(/\s+/g, " ");
}

describe("the validation sheet", () => {
  /** A workshop round of these stories, sampling pool[0]. */
  async function roundSampling(name: string, storyIds: string[]) {
    const created = (await rounds.createRound(
      { actorId: world.team.members.lead.id },
      {
        evaluationId: world.evaluationId,
        round: {
          name,
          startsOn: "2025-05-01",
          endsOn: "2025-05-30",
          method: "WORKSHOP",
          targetSize: 3,
          notes: null,
          storyIds,
        },
      },
    )) as { roundId: string };
    await sample.addSampleMember(
      { actorId: world.team.members.lead.id },
      { evaluationId: world.evaluationId, roundId: created.roundId, respondentCode: world.pool[0]!.code },
    );
    return created.roundId;
  }
  async function sampledRound() {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    const told = await createStoryAt(database.prisma, world, "TRIANGULATED", [world.pool[0]!.id]);
    return { story, told, roundId: await roundSampling("Ronda de hojas", [story.id, told.id]) };
  }
  const download = (roundId: string, respondentId: string, evaluationId = world.evaluationId) =>
    sheetRoute.GET(new Request("http://localhost/sheet"), {
      params: Promise.resolve({ evaluationId, roundId, respondentId }),
    });
  /** pool[0]'s sheet (in English) for a round of this one story, as text. */
  async function sheetText(storyId: string, roundName: string) {
    const roundId = await roundSampling(roundName, [storyId]);
    signInAs(world.team.members.evaluator!);
    return pdfText(Buffer.from(await (await download(roundId, world.pool[0]!.id)).arrayBuffer()));
  }

  it("is a tagged PDF in the embedded font, of the round's version, in the respondent's language, without the stories they told, and its download is audited", async () => {
    const { story, told, roundId } = await sampledRound();
    // Edited after the round took it: the sheet still shows the round's revision.
    await database.prisma.changeStory.update({ where: { id: story.id }, data: { title: "Título posterior" } });
    signInAs(world.team.members.evaluator!);
    const response = await download(roundId, world.pool[0]!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="validation-${world.pool[0]!.code}.pdf"`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain(story.code);
    expect(text).toContain("Los trabajadores votaron en secreto");
    expect(text).not.toContain("Título posterior");
    expect(text).not.toContain(told.code);
    // pool[0] speaks English (see validation-world.ts): the labels are English.
    expect(text).toContain("I dispute it");
    for (const secret of IDENTITY_NAMES) expect(text).not.toContain(secret);
    // Tagged, in the respondent's language, in the brief's embedded font (never a standard one).
    const where = saved(bytes);
    expect(poppler("pdfinfo", [where])).toMatch(/^Tagged:\s+yes$/m);
    expect(bytes.toString("latin1")).toContain("/Lang (en-US)");
    const tree = poppler("pdfinfo", ["-struct", where]);
    for (const tag of ["Document", "H1", "H2", "H3", "P", "L", "LI", "LBody"])
      expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
    expectOnlyEmbeddedNotoSans(where);
    const audited = await database.prisma.auditEvent.findMany({
      where: { recordId: roundId, action: "validation.sheet.download" },
    });
    expect(audited).toHaveLength(1);
    expect(audited[0]!.after).toMatchObject({ respondent: world.pool[0]!.code });
  });

  it("states each figure with its qualifier and its number as the respondent reads numbers, never a bare 600000", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    await database.prisma.storyFigure.updateMany({
      where: { storyId: story.id },
      data: { qualifier: "MORE_THAN", value: "600000" },
    });
    await editStory(database.prisma, world, story.id);
    const text = await sheetText(story.id, "Ronda de cifras");
    // pool[0] reads English: "over", and the thousands grouped.
    expect(text).toContain("Contratos legitimados: over 600,000");
    expect(text).not.toContain("600000");
  });

  it("gives a period within one year as that year once, not the year twice", async () => {
    const story = await createStoryAt(database.prisma, world, "TRIANGULATED");
    await database.prisma.changeStory.update({
      where: { id: story.id },
      data: { periodPrecision: "YEAR", periodFrom: new Date("2023-01-01"), periodTo: new Date("2023-12-31") },
    });
    await editStory(database.prisma, world, story.id);
    const text = await sheetText(story.id, "Ronda de un año");
    expect(text).toMatch(/Period 2023 /);
    expect(text).not.toContain("2023 – 2023");
  });

  it("answers 404 to a reviewer, an outsider, someone signed out, and for a respondent outside the sample", async () => {
    const { roundId } = await sampledRound();
    for (const user of [world.team.members.reviewer!, world.team.members.panelist!, world.team.outsider]) {
      signInAs(user);
      expect((await download(roundId, world.pool[0]!.id)).status).toBe(404);
    }
    signOut();
    expect((await download(roundId, world.pool[0]!.id)).status).toBe(404);
    signInAs(world.team.members.lead);
    expect((await download(roundId, world.pool[7]!.id)).status).toBe(404);
    expect((await download(roundId, world.pool[0]!.id, "other-evaluation")).status).toBe(404);
    expect(
      await database.prisma.auditEvent.count({ where: { recordId: roundId, action: "validation.sheet.download" } }),
    ).toBe(0);
  });
});
