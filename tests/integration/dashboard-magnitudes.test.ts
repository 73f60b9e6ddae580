/**
 * Quantification and feedback coverage at the edges the grouped statements must get right (the
 * dashboard world of dashboard-world.ts, which has no figures and no decided round, plus the rows
 * written here): a group that cannot be summed with more figures than are listed, ties in value
 * between stories and within one story, ranges beside exact figures, one label written with other
 * accents, case and spacing, exact decimal totals with the approved ones apart, a story without a
 * domain, figures of stories off the path; candidates with and without storytellers or feedback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StoryStage } from "@/lib/generated/prisma/enums";
import { LISTED_FIGURES } from "@/lib/dashboard/coverage-data";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildStoryFigure,
  createDecidedRound,
  newId,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createDashboardWorld } from "./dashboard-world";

let database: TestDatabase;
let loadDashboardMeta: typeof import("@/lib/dashboard/meta-loaders").loadDashboardMeta;
type World = Awaited<ReturnType<typeof createMagnitudesWorld>>;
let world: World;

type Figure = {
  storyId: string;
  position: number;
  label: string;
  unit?: string;
  value: string;
  qualifier?: "EXACT" | "APPROXIMATELY" | "MORE_THAN" | "RANGE";
  valueMax?: string;
};

/** Stories in the order of their ids (newId grows), so "the first story" is plain to see below. */
async function createMagnitudesWorld(prisma: PrismaClient) {
  const base = await createDashboardWorld(prisma);
  const { evaluationId } = base;
  const lead = base.team.members.lead.id;
  const story = async (stage: StoryStage, domainId: string | null) => {
    const row = buildChangeStory({ evaluationId, authorId: lead, stage });
    await prisma.changeStory.create({ data: row });
    if (domainId) {
      await prisma.domainAssignment.create({
        data: buildDomainAssignment({ evaluationId, storyId: row.id, domainId, assignedById: lead }),
      });
    }
    return row.id;
  };
  const { d1, d2 } = base.domains;
  // T1..T13 in d1: selected, approved or further on the path; T14 has no domain; T15 was dropped.
  const stages: StoryStage[] = ["SELECTED", "APPROVED", "IN_TRIANGULATION", "APPROVED", "SELECTED", "VALIDATED"];
  const T: string[] = [];
  for (let n = 1; n <= 13; n++) T.push(await story(stages[n % stages.length]!, d1));
  const noDomain = await story("APPROVED", null);
  const dropped = await story("NOT_VALIDATED", d2);
  const stageOf = new Map<string, StoryStage>(T.map((id, n) => [id, stages[(n + 1) % stages.length]!]));

  const figures: Figure[] = [];
  // "Familias atendidas" (hogares): 27 figures on 13 stories, one "more than": cannot be summed.
  // Most stories have two figures in it; values repeat across stories and within one (T7: 7 and 7).
  const values = ["7", "3", "3", "12.5", "0.25", "3", "7", "100", "3", "2", "2", "45", "3"];
  T.forEach((storyId, n) => {
    figures.push({ storyId, position: 1, label: "Familias atendidas", unit: "hogares", value: values[n]! });
    figures.push({ storyId, position: 3, label: "familias atendidas", unit: "Hogares", value: values[12 - n]! });
  });
  figures.splice(figures.length - 1, 1); // T13 keeps one figure in the group
  figures.push({
    storyId: T[4]!,
    position: 2,
    label: "Familias atendidas",
    unit: "hogares",
    value: "3",
    qualifier: "MORE_THAN",
  });
  figures.splice(
    figures.findIndex((f) => f.storyId === T[5]! && f.position === 3),
    1,
  );
  figures.push({
    storyId: T[1]!,
    position: 4,
    label: "FAMILIAS atendidas",
    unit: " hogares ",
    value: "2",
    qualifier: "RANGE",
    valueMax: "12.25",
  });
  // Four figures of 7 straddle the twentieth place: the first story's second one (a range, at a
  // later position than another story's) must be listed, by story before position.
  figures.push({
    storyId: T[0]!,
    position: 9,
    label: "Familias atendidas",
    unit: "hogares",
    value: "7",
    qualifier: "RANGE",
    valueMax: "8",
  });
  // One label written four ways; a range among exact figures: listed, not summed.
  figures.push({ storyId: T[2]!, position: 5, label: "Niñas inscritas", value: "40" });
  figures.push({
    storyId: T[0]!,
    position: 5,
    label: "NIÑAS  inscritas",
    value: "15",
    qualifier: "RANGE",
    valueMax: "20",
  });
  figures.push({ storyId: T[3]!, position: 5, label: " ninas Inscritas", value: "9.5", qualifier: "APPROXIMATELY" });
  figures.push({ storyId: T[0]!, position: 6, label: "niñas inscritas", value: "15" });
  // Summable: exact decimals, the approved ones apart; "approximately" sums too.
  figures.push({ storyId: T[0]!, position: 7, label: "Horas de capacitación", unit: "h", value: "1.1" });
  figures.push({ storyId: T[1]!, position: 7, label: "horas de capacitacion", unit: "H", value: "2.25" });
  figures.push({
    storyId: T[3]!,
    position: 7,
    label: "Horas de capacitación",
    unit: "h",
    value: "0.65",
    qualifier: "APPROXIMATELY",
  });
  figures.push({ storyId: T[9]!, position: 7, label: "Horas de capacitación", unit: "h", value: "1000000000.0001" });
  // Percentages never sum; a story with no domain; a dropped story's figures never count.
  figures.push({ storyId: T[5]!, position: 8, label: "Tasa de empleo", unit: "%", value: "12" });
  figures.push({ storyId: T[6]!, position: 8, label: "Tasa de empleo", unit: "%", value: "8" });
  figures.push({ storyId: noDomain, position: 1, label: "Comunidades", value: "4" });
  figures.push({ storyId: dropped, position: 1, label: "Comunidades", value: "1000" });
  await prisma.storyFigure.createMany({
    data: figures.map(({ value, valueMax, ...rest }) => buildStoryFigure({ evaluationId, ...rest, value, valueMax })),
  });

  // A decided round on d1: T1 two storytellers and feedback; T2 storytellers, no feedback;
  // T3 no storytellers but feedback; T4 neither. An open round with a candidate counts nothing.
  const respondents = await prisma.respondent.findMany({ where: { evaluationId }, orderBy: { codeNumber: "asc" } });
  await prisma.storyTeller.createMany({
    data: [
      [T[0]!, respondents[0]!.id],
      [T[0]!, respondents[1]!.id],
      [T[1]!, respondents[2]!.id],
    ].map(([storyId, respondentId]) => ({ id: newId(), evaluationId, storyId: storyId!, respondentId: respondentId! })),
  });
  const panel = await prisma.selectionPanel.findFirstOrThrow({ where: { evaluationId } });
  const { roundId } = await createDecidedRound(prisma, {
    evaluationId,
    panelId: panel.id,
    domainId: d1,
    decidedById: lead,
    name: "Ronda de cifras",
    method: "RANKING",
    candidates: T.slice(0, 4),
    feedback: [T[0]!, T[2]!],
  });
  return { ...base, T, noDomain, figures, stageOf, roundId };
}

const fixed = (value: string) => Number(value).toFixed(4);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadDashboardMeta } = await import("@/lib/dashboard/meta-loaders"));
  world = await createMagnitudesWorld(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

const loadAsLead = async () =>
  (await loadDashboardMeta(world.evaluationId, { id: world.team.members.lead.id, isAdmin: false }, {}))!;

describe("dashboard quantification at its edges", () => {
  it("lists the smallest figures of a large group that cannot be summed, by value, story and position", async () => {
    const rows = (await loadAsLead()).magnitudes;
    const families = rows.find((row) => row.label.toLowerCase().startsWith("familias"))!;
    const group = world.figures.filter((f) => f.label.toLowerCase().startsWith("familias"));
    expect(group).toHaveLength(27);
    const ordered = [...group].sort(
      (a, b) =>
        Number(a.value) - Number(b.value) ||
        (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) ||
        a.position - b.position,
    );
    expect(LISTED_FIGURES).toBeLessThan(group.length);
    // The cut falls inside a tie, so which tied figures are listed is seen.
    expect(ordered[LISTED_FIGURES - 1]!.value).toBe(ordered[LISTED_FIGURES]!.value);
    expect(families).toMatchObject({
      domain: { id: world.domains.d1 },
      label: "Familias atendidas",
      unit: "hogares",
      figures: 27,
      stories: 13,
      approvedStories: world.T.filter((id) => world.stageOf.get(id) === "APPROVED").length,
      total: null,
      approvedTotal: null,
    });
    expect(families.listed).toEqual(
      ordered.slice(0, LISTED_FIGURES).map((f) => ({
        qualifier: f.qualifier ?? "EXACT",
        value: fixed(f.value),
        valueMax: f.valueMax === undefined ? null : fixed(f.valueMax),
      })),
    );
  });

  it("groups one label written with other accents, case and spacing, shows it as first written and lists ranges", async () => {
    const rows = (await loadAsLead()).magnitudes;
    const girls = rows.filter((row) => row.label.toLowerCase().replace(/\s+/g, " ").trim().startsWith("ni"));
    expect(girls).toHaveLength(1);
    // The first story (T1) wrote it at positions 5 and 6: position 5 gives the label.
    expect(girls[0]).toMatchObject({
      label: "NIÑAS  inscritas",
      unit: null,
      figures: 4,
      stories: 3,
      total: null,
      listed: [
        { qualifier: "APPROXIMATELY", value: "9.5000", valueMax: null },
        { qualifier: "RANGE", value: "15.0000", valueMax: "20.0000" },
        { qualifier: "EXACT", value: "15.0000", valueMax: null },
        { qualifier: "EXACT", value: "40.0000", valueMax: null },
      ],
    });
  });

  it("sums exact decimals as text, the approved stories' apart, and never sums percentages", async () => {
    const rows = (await loadAsLead()).magnitudes;
    const hours = rows.find((row) => row.label.toLowerCase().startsWith("horas"))!;
    const approved = world.figures
      .filter((f) => f.label.toLowerCase().startsWith("horas") && world.stageOf.get(f.storyId) === "APPROVED")
      .map((f) => f.value);
    expect(approved.length).toBeGreaterThan(0);
    expect(hours).toMatchObject({
      label: "Horas de capacitación",
      unit: "h",
      figures: 4,
      stories: 4,
      total: "1000000004.0001",
      listed: null,
    });
    const approvedTotal = approved.reduce((sum, value) => sum + Math.round(Number(value) * 10000), 0);
    expect(hours.approvedTotal).toBe((approvedTotal / 10000).toFixed(4));
    expect(rows.find((row) => row.unit === "%")).toMatchObject({
      figures: 2,
      total: null,
      listed: [
        { qualifier: "EXACT", value: "8.0000", valueMax: null },
        { qualifier: "EXACT", value: "12.0000", valueMax: null },
      ],
    });
  });

  it("keeps a story without a domain apart and leaves out a story dropped after validation", async () => {
    const rows = (await loadAsLead()).magnitudes;
    expect(rows.filter((row) => row.label === "Comunidades")).toEqual([
      expect.objectContaining({ domain: null, figures: 1, stories: 1, approvedStories: 1, total: "4.0000" }),
    ]);
    expect(rows.map((row) => row.domain?.id ?? null)).toEqual([
      ...rows.filter((row) => row.domain).map((row) => row.domain!.id),
      null,
    ]);
  });
});

describe("dashboard feedback coverage at its edges", () => {
  it("counts candidates with feedback and with storytellers, each once, whether or not they have the other", async () => {
    const { feedback } = await loadAsLead();
    expect(
      feedback.rounds.map(({ roundId, candidates, withFeedback, withStorytellers }) => ({
        roundId,
        candidates,
        withFeedback,
        withStorytellers,
      })),
    ).toEqual([{ roundId: world.roundId, candidates: 4, withFeedback: 2, withStorytellers: 2 }]);
  });
});
