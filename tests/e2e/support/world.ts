/**
 * The browser tests' own records, written into the database of the app under test with the code
 * the seed and the app use. A spec that changes shared state (a round's decision, a story's path,
 * an account's lock or its two-factor sign-in) works on records of its own made here, so no spec
 * depends on another having run first, or fails because another failed.
 *
 * The launcher publishes the embedded database's address in DATA_DIR/database-url while the app
 * runs; playwright.config.ts hands every worker the same DATA_DIR (E2E_DATA_DIR).
 */
import { readFileSync } from "node:fs";
import { hashPassword } from "@/lib/auth/password";
import { keyRingFromEnv } from "@/lib/crypto";
import { db } from "@/lib/db";
import { createEvaluation } from "@/lib/evaluations/mutations";
import { createEvaluationSchema } from "@/lib/evaluations/schema";
import type { EvaluationRole } from "@/lib/generated/prisma/enums";
import { databaseUrlFile, demoSecrets } from "@/lib/launch/data-folder";
import { recordConsent } from "@/lib/respondents/consent-mutations";
import { createRespondent } from "@/lib/respondents/mutations";
import { consentSchema, createRespondentSchema } from "@/lib/respondents/schema";
import { closeRound, recordDecision } from "@/lib/selection/round-mutations";
import { DEMO_EVALUATION_NAME, writeDemoEvaluation, writeDemoUsers } from "@/prisma/seed/demo";
import { buildMembership, buildUser } from "@/tests/factories";

/** Points this worker's copy of the server code at the app's database, with the app's secrets. */
export function appDatabase() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the browser tests through playwright.config.ts");
  if (!process.env.DATABASE_URL) {
    const secrets = demoSecrets(dataDir);
    Object.assign(process.env, {
      DATABASE_URL: readFileSync(databaseUrlFile(dataDir), "utf8").trim(),
      AUTH_SECRET: secrets.AUTH_SECRET,
      IDENTITY_ENCRYPTION_KEY: secrets.IDENTITY_ENCRYPTION_KEY,
      APP_BASE_URL: "http://localhost",
    });
  }
  return db();
}

/** A name no earlier run on the same database has used. */
function unique(name: string): string {
  return `${name} ${Date.now().toString(36).slice(-5)}`;
}

/**
 * A copy of the demo evaluation (the same domains, people, fieldwork, stories and open round,
 * with new ids) under a name of its own, e.g. "Evaluación de prueba: selección 1a2b3".
 */
export async function copyOfDemo(name: string): Promise<{ id: string; name: string }> {
  const prisma = appDatabase();
  const copyName = unique(name);
  const identityKeyRing = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: process.env.IDENTITY_ENCRYPTION_KEY! });
  const id = await prisma.$transaction(
    async (tx) => writeDemoEvaluation(tx, { name: copyName, users: await writeDemoUsers(tx, null), identityKeyRing }),
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { id, name: copyName };
}

/**
 * Closes the evaluation's open selection round and records the lead's decision selecting the
 * stories with these codes, through the same mutations the round page calls.
 */
export async function decideOpenRound(evaluationId: string, selectedCodes: string[]): Promise<void> {
  const prisma = appDatabase();
  const lead = await prisma.evaluationMember.findFirstOrThrow({
    where: { evaluationId, roles: { has: "LEAD" } },
    select: { userId: true },
  });
  const round = await prisma.selectionRound.findFirstOrThrow({
    where: { evaluationId, status: "OPEN" },
    select: { id: true, version: true, candidates: { select: { story: { select: { id: true, code: true } } } } },
  });
  const actor = { evaluationId, actorId: lead.userId, ipAddress: "127.0.0.1" };
  const closed = await closeRound({ ...actor, roundId: round.id, expectedVersion: round.version });
  if (!closed.ok) throw new Error(`Could not close the round: ${JSON.stringify(closed)}`);
  const stories = round.candidates.map((candidate) => candidate.story);
  const decided = await recordDecision({
    ...actor,
    roundId: round.id,
    expectedVersion: round.version + 1,
    selected: stories
      .filter((story) => selectedCodes.includes(story.code))
      .map((story) => ({ storyId: story.id, reason: "El panel la eligió por su alcance." })),
    dissent: "",
    feedback: stories.map((story) => ({
      storyId: story.id,
      language: "es",
      text: "Gracias por compartir su historia.",
    })),
  });
  if (!decided.ok) throw new Error(`Could not record the decision: ${JSON.stringify(decided)}`);
}

/**
 * A person of this test's own, signed in with `password`, a member of the demo evaluation with
 * these roles: a test that locks an account or enrols it in two-factor sign-in uses one.
 */
export async function demoMember(roles: EvaluationRole[], password: string): Promise<{ email: string; name: string }> {
  const prisma = appDatabase();
  const user = buildUser({ name: unique("Persona de prueba"), passwordHash: await hashPassword(password) });
  const evaluation = await prisma.evaluation.findFirstOrThrow({
    where: { name: DEMO_EVALUATION_NAME },
    select: { id: true },
  });
  await prisma.$transaction([
    prisma.user.create({ data: user }),
    prisma.evaluationMember.create({ data: buildMembership({ evaluationId: evaluation.id, userId: user.id, roles }) }),
  ]);
  return { email: user.email, name: user.name };
}

/**
 * A respondent of this test's own in the demo evaluation, logged by the demo evaluator through the
 * same mutations and schemas as the respondent and consent forms: an unaffiliated woman worker in
 * Oaxaca de Juárez who speaks Mixtec, with this identity and a consent that grants the interview,
 * anonymous quotation and validation contact, and refuses audio recording and sharing with the funder.
 */
export async function demoRespondent(identity: {
  name: string;
  phone: string;
  community: string;
}): Promise<{ path: string; code: string }> {
  const prisma = appDatabase();
  const evaluation = await prisma.evaluation.findFirstOrThrow({
    where: { name: DEMO_EVALUATION_NAME },
    select: { id: true },
  });
  const evaluationId = evaluation.id;
  const evaluator = await prisma.user.findUniqueOrThrow({
    where: { email: "evaluator@demo.example" },
    select: { id: true },
  });
  const place = await prisma.place.findFirstOrThrow({
    where: { evaluationId, state: "Oaxaca", municipality: "Oaxaca de Juárez", community: null },
    select: { id: true },
  });
  const actor = { actorId: evaluator.id, ipAddress: "127.0.0.1" };
  const {
    evaluationId: _,
    name,
    phone,
    email,
    community,
    ...attributes
  } = createRespondentSchema.parse({
    evaluationId,
    type: "UNAFFILIATED_WORKER",
    gender: "WOMAN",
    state: "Oaxaca",
    placeId: place.id,
    language: "mix",
    atRiskGroupIds: [
      (
        await prisma.atRiskGroup.findFirstOrThrow({
          where: { evaluationId, code: "women_workers" },
          select: { id: true },
        })
      ).id,
    ],
    ...identity,
  });
  const created = await createRespondent(actor, {
    evaluationId,
    attributes,
    identity: { name, phone, email, community },
  });
  if (!("id" in created)) throw new Error(`Could not create the respondent: ${JSON.stringify(created)}`);
  const consent = consentSchema.parse({
    evaluationId,
    respondentId: created.id,
    givenOn: "2024-07-10",
    method: "ORAL_RECORDED_WITHOUT_NAME",
    formVersion: "2024-05 v2",
    language: "es",
    scopes: {
      INTERVIEW: true,
      AUDIO_RECORDING: false,
      ANONYMOUS_QUOTATION: true,
      SHARE_WITH_FUNDER: false,
      CONTACT_FOR_VALIDATION: true,
    },
  });
  const recorded = await recordConsent(actor, consent);
  if (!("consentId" in recorded)) throw new Error(`Could not record the consent: ${JSON.stringify(recorded)}`);
  return { path: `/evaluations/${evaluationId}/respondents/${created.id}`, code: created.code };
}

/**
 * A new, empty evaluation (no domains, projects or fieldwork) that the demo administrator created
 * through the same mutation as the new-evaluation form, with the demo lead as its lead.
 */
export async function newEvaluationLedByDemoLead(name: string): Promise<{ id: string; name: string }> {
  const prisma = appDatabase();
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@demo.example" }, select: { id: true } });
  const evaluationName = unique(name);
  const created = await createEvaluation(
    admin.id,
    createEvaluationSchema.parse({
      name: evaluationName,
      client: "Departamento del Trabajo de EE. UU.",
      evaluatorOrganisation: "Equipo evaluador de prueba",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      languages: ["ES", "EN"],
      leadEmail: "lead@demo.example",
    }),
  );
  if (!("evaluationId" in created)) throw new Error(`Could not create the evaluation: ${JSON.stringify(created)}`);
  return { id: created.evaluationId, name: evaluationName };
}

/**
 * A panelist of this test's own, signed in with `password`: a member of the evaluation with the
 * PANELIST role only, seated on the panel of its open selection round (so that round's ballot is
 * the only work waiting for them).
 */
export async function panelistOfOpenRound(
  evaluationId: string,
  password: string,
): Promise<{ email: string; name: string; roundId: string }> {
  const prisma = appDatabase();
  const round = await prisma.selectionRound.findFirstOrThrow({
    where: { evaluationId, status: "OPEN" },
    select: { id: true, panelId: true },
  });
  const user = buildUser({ name: unique("Panelista de prueba"), passwordHash: await hashPassword(password) });
  await prisma.$transaction([
    prisma.user.create({ data: user }),
    prisma.evaluationMember.create({ data: buildMembership({ evaluationId, userId: user.id, roles: ["PANELIST"] }) }),
    prisma.panelMember.create({ data: { evaluationId, panelId: round.panelId, userId: user.id } }),
  ]);
  return { email: user.email, name: user.name, roundId: round.id };
}
