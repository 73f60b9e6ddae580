/**
 * The demo evaluation: public facts of the USMCA evaluation (fixture) with fictional fieldwork.
 * Loaded by the launcher on the embedded database's first start and by `npm run seed`.
 * Idempotent: when an evaluation with the demo's name exists, nothing is touched.
 */
import { hashPassword } from "@/lib/auth/password";
import { createDomainInTransaction } from "@/lib/domains/setup-mutations";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { KeyRing } from "@/lib/crypto";
import { createProjectInTransaction } from "@/lib/projects/mutations";
import { writeDemoLearnings } from "./learnings-data";
import { buildMembership } from "@/tests/factories/evaluations";
import { buildRespondentIdentity } from "@/tests/factories/respondents";
import { buildUser } from "@/tests/factories/users";
import { buildApprovedPathRows } from "./approved-rows";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { buildFieldworkRows } from "./fieldwork-rows";
import { buildSelectionRows } from "./selection-rows";
import { buildSetupRows, DEMO_EVALUATION_NAME } from "./setup-rows";
import { buildStoryRows } from "./story-rows";
import { buildTriangulationRows } from "./triangulation-rows";

export { DEMO_EVALUATION_NAME } from "./setup-rows";

/** The fictional name sealed for a demo respondent; tests search responses for it. */
export function demoIdentityName(code: string): string {
  return `Persona Ficticia ${code}`;
}

/** Serialises concurrent seeds (e.g. `npm run seed` while the launcher starts) on one database. */
const SEED_LOCK_KEY = 7_220_260_001;

type Db = PrismaClient | Prisma.TransactionClient;

async function demoExists(db: Db): Promise<boolean> {
  const found = await db.evaluation.findFirst({ where: { name: DEMO_EVALUATION_NAME }, select: { id: true } });
  return found !== null;
}

export async function seedDemo(
  prisma: PrismaClient,
  /** With a key ring, every demo respondent gets a sealed, clearly fictional identity. */
  options: { withDemoPasswords: boolean; identityKeyRing?: KeyRing },
): Promise<{ created: boolean }> {
  if (await demoExists(prisma)) return { created: false };
  // Hashed once, outside the transaction: argon2 is slow on purpose.
  const passwordHash = options.withDemoPasswords ? await hashPassword(DEMO_PASSWORD) : null;

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if (await demoExists(tx)) return { created: false };
      const users = await writeDemoUsers(tx, passwordHash);
      await writeDemoEvaluation(tx, { name: DEMO_EVALUATION_NAME, users, identityKeyRing: options.identityKeyRing });
      return { created: true };
    },
    // PGlite runs one statement at a time and slowly; the demo is a few dozen statements.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Existing users with a demo e-mail are reused as they are (their password is never changed). */
export async function writeDemoUsers(tx: Prisma.TransactionClient, passwordHash: string | null) {
  await tx.user.createMany({
    data: DEMO_USERS.map((user) =>
      buildUser({
        email: user.email,
        name: user.name,
        locale: user.locale,
        isAdmin: user.role === "ADMIN",
        passwordHash,
      }),
    ),
    skipDuplicates: true,
  });
  const rows = await tx.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { id: true, email: true },
  });
  const idByEmail = new Map(rows.map((row) => [row.email, row.id]));
  return DEMO_USERS.map((user) => {
    const id = idByEmail.get(user.email);
    if (!id) throw new Error(`Demo user ${user.email} was not created`);
    return { ...user, id };
  });
}

/**
 * The demo evaluation under `name`, with the demo people as its members. The seed writes it once;
 * browser tests write copies under names of their own, so what one test changes no other sees.
 * Returns the new evaluation's id.
 */
export async function writeDemoEvaluation(
  tx: Prisma.TransactionClient,
  input: { name: string; users: Awaited<ReturnType<typeof writeDemoUsers>>; identityKeyRing?: KeyRing },
): Promise<string> {
  const { users, identityKeyRing } = input;
  const idOf = (role: string) => users.find((user) => user.role === role)!.id;
  const staff = { lead: idOf("LEAD"), evaluator: idOf("EVALUATOR") };

  const setup = buildSetupRows(input.name);
  const fieldwork = buildFieldworkRows(setup, staff);
  const stories = buildStoryRows(setup, fieldwork, staff);
  const evaluationId = setup.evaluation.id;

  await tx.evaluation.create({ data: setup.evaluation });
  await tx.evaluationMember.createMany({
    data: users.flatMap((user) =>
      user.role === "ADMIN" ? [] : [buildMembership({ evaluationId, userId: user.id, roles: [user.role] })],
    ),
  });
  // Domains and projects go in through the app's own setup mutations (rules and audit events included),
  // so the demo cannot hold what the app would refuse.
  // Created in their order: each one goes at the end, so positions come out as the fixture's.
  for (const domain of [...setup.domains].sort((a, b) => a.position - b.position)) {
    const { id, nameEs, nameEn } = domain;
    await createDomainInTransaction(tx, {
      id,
      evaluationId,
      actorId: staff.lead,
      nameEs,
      nameEn,
      definitionEs: domain.definitionEs ?? null,
      definitionEn: domain.definitionEn ?? null,
      isOther: domain.isOther ?? false,
    });
  }
  for (const project of setup.projects) {
    const fields = {
      acronym: project.acronym,
      name: project.name,
      managingOffice: project.managingOffice,
      fundingStreams: [...(project.fundingStreams as string[])],
      startDate: null,
      endDate: null,
      notes: null,
    };
    await createProjectInTransaction(tx, { id: project.id, evaluationId, actorId: staff.lead, project: fields });
  }
  await tx.priorityTag.createMany({ data: setup.priorityTags });
  await tx.sector.createMany({ data: setup.sectors });
  await tx.atRiskGroup.createMany({ data: setup.atRiskGroups });
  await tx.place.createMany({ data: setup.places });

  await tx.respondent.createMany({ data: fieldwork.respondents });
  await tx.respondentAtRiskGroup.createMany({ data: fieldwork.respondentAtRiskGroups });
  if (identityKeyRing) {
    await tx.respondentIdentity.createMany({
      data: fieldwork.respondents.map((respondent) =>
        buildRespondentIdentity(
          {
            evaluationId: respondent.evaluationId,
            respondentId: respondent.id,
            name: demoIdentityName(respondent.code),
            phone: "+52 55 0000 0000",
            community: "Comunidad ficticia",
          },
          identityKeyRing,
        ),
      ),
    });
  }
  await tx.consent.createMany({ data: fieldwork.consents });
  await tx.consentScope.createMany({ data: fieldwork.consentScopes });
  await tx.interview.createMany({ data: fieldwork.interviews });
  await tx.interviewInterviewer.createMany({ data: fieldwork.interviewInterviewers });
  await tx.interviewRespondent.createMany({ data: fieldwork.interviewRespondents });
  await tx.interviewProject.createMany({ data: fieldwork.interviewProjects });
  await tx.focusGroup.createMany({ data: fieldwork.focusGroups });
  await tx.focusGroupFacilitator.createMany({ data: fieldwork.focusGroupFacilitators });
  await tx.focusGroupParticipant.createMany({ data: fieldwork.focusGroupParticipants });
  await tx.focusGroupProject.createMany({ data: fieldwork.focusGroupProjects });
  await tx.transcriptExcerpt.createMany({ data: fieldwork.excerpts });

  const selection = buildSelectionRows({
    evaluationId,
    leadId: staff.lead,
    panelistIds: users.filter((user) => user.role === "PANELIST").map((user) => user.id),
    stories: stories.stories,
    assignments: stories.domainAssignments,
  });
  const now = new Date();
  await tx.changeStory.createMany({
    data: stories.stories.map((story) =>
      selection.inRound.has(story.id) ? { ...story, stage: "IN_SELECTION" as const, stageChangedAt: now } : story,
    ),
  });
  await tx.storyPlace.createMany({ data: stories.storyPlaces });
  await tx.storySector.createMany({ data: stories.storySectors });
  await tx.storyPriorityTag.createMany({ data: stories.storyPriorityTags });
  await tx.storyAtRiskGroup.createMany({ data: stories.storyAtRiskGroups });
  await tx.storyFigure.createMany({ data: stories.storyFigures });
  await tx.storyContribution.createMany({ data: stories.storyContributions });
  await tx.storyTeller.createMany({ data: stories.storyTellers });
  await tx.storySource.createMany({ data: stories.storySources });
  await tx.storyRevision.createMany({ data: stories.storyRevisions });
  await tx.domainAssignment.createMany({ data: stories.domainAssignments });
  await tx.selectionPanel.create({ data: selection.panel });
  await tx.panelMember.createMany({ data: selection.members });
  await tx.selectionRound.create({ data: selection.round });
  await tx.roundCandidate.createMany({ data: selection.roundCandidates });

  // Evidence gathered early for two of the round's stories (the triangulation pages show it once they are selected).
  const triangulation = buildTriangulationRows(stories, idOf("ANALYST"));
  await tx.evidenceItem.createMany({ data: triangulation.evidence });

  // The approved outcomes' path, so the brief, the review and every step's page show them alike.
  const path = buildApprovedPathRows(stories, fieldwork, {
    lead: staff.lead,
    evaluator: staff.evaluator,
    analyst: idOf("ANALYST"),
    reviewer: idOf("REVIEWER"),
    panelists: users.filter((user) => user.role === "PANELIST").map((user) => user.id),
  });
  await tx.selectionPanel.create({ data: path.panel });
  await tx.panelMember.createMany({ data: path.panelMembers });
  await tx.selectionRound.create({ data: path.round });
  await tx.roundCandidate.createMany({ data: path.roundCandidates });
  await tx.selectionDecision.create({ data: path.decision });
  await tx.selectedStory.createMany({ data: path.selectedStories });
  await tx.evidenceItem.createMany({ data: path.evidence });
  await tx.triangulationSignOff.createMany({ data: path.signOffs });
  await tx.validationRound.create({ data: path.validationRound });
  await tx.validationSampleMember.createMany({ data: path.sampleMembers });
  await tx.validationRoundStory.createMany({ data: path.roundStories });
  await tx.validationResponse.createMany({ data: path.responses });
  await tx.validationResponseRevision.createMany({ data: path.responseRevisions });
  await tx.review.createMany({ data: path.reviews });

  const domainIdsByPosition = new Map(setup.domains.map((domain) => [domain.position, domain.id]));
  await writeDemoLearnings(tx, {
    evaluationId,
    analystId: idOf("ANALYST"),
    leadId: staff.lead,
    domainIdsByPosition,
    atRiskGroupIdsByCode: new Map(setup.atRiskGroups.map((group) => [group.code, group.id])),
  });
  return evaluationId;
}
