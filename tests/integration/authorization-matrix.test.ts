/**
 * Every server action × every kind of caller (security-tests.md, scenarios 10 and 11).
 *
 * The actions are found at test time: every `lib/**\/actions.ts` file and every other file under
 * lib/ that starts with "use server" is imported, and each exported function must be either a
 * registered action (lib/actions.ts) or listed in PUBLIC_ACTIONS below with the reason it needs no
 * permission. Each registered action needs a sample input in `sampleInputs`; a new action without
 * one fails here, so no action reaches CI without a rule and a test.
 *
 * The actions are called directly, as a hand-made POST would (the UI is not involved). The caller
 * is chosen with tests/support/session.ts (sign-in is tested in auth-*.test.ts). A caller who holds
 * the permission must succeed: `ok: true`, no refusal of the mutation's own inside it (`data.ok`
 * false), and its audit event written (WRITES_NO_AUDIT_EVENT lists the few that write none, and
 * why). Each sample builds the state its action needs, so no permitted caller is excused with a
 * business refusal. The others get exactly UNAUTHENTICATED, NOT_FOUND or FORBIDDEN, and change nothing.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  buildChangeStory,
  buildConsent,
  buildConsentScopes,
  buildDomain,
  buildPlace,
  buildProject,
  buildSector,
  buildDomainAssignment,
  buildEvaluation,
  buildEvidenceItem,
  buildExcerpt,
  buildFocusGroup,
  buildInterview,
  buildMembership,
  buildRespondent,
  buildRespondentIdentity,
  buildUser,
  createConsentedRespondent,
  createEvaluationWithTeam,
  inDays,
  newId,
  nextRespondentCodeNumber,
  respondentFormAttributes,
  savedEvaluationFields,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

const CALLERS = ["LEAD", "EVALUATOR", "PANELIST", "ANALYST", "REVIEWER", "ADMIN", "OUTSIDER", "ANONYMOUS"] as const;
type Caller = (typeof CALLERS)[number];

type Fixture = {
  prisma: PrismaClient;
  team: EvaluationWithTeam;
  /** The evaluation the input names. */
  evaluationId: string;
  /** The evaluation a record the input points at (member, invitation) lives in: the same, or another one. */
  recordEvaluationId: string;
  /** Set when a sample made its target in `recordEvaluationId`. */
  usedRecord: boolean;
  admin: CurrentUser;
  /** A unique, lower-case e-mail address for one call. */
  freshEmail(): string;
  /** A fresh member of the seeded evaluation (a target that one call may change or remove). */
  freshMember(
    roles?: Array<"LEAD" | "EVALUATOR" | "PANELIST" | "ANALYST" | "REVIEWER">,
  ): Promise<{ memberId: string; userId: string }>;
  freshUser(overrides?: { disabledAt?: Date | null; passwordHash?: string | null }): Promise<{ userId: string }>;
};

/** The fields every interview and focus-group sample shares. */
function fieldworkInput(f: Fixture) {
  return {
    evaluationId: f.evaluationId,
    date: "2024-06-12",
    language: "es",
    projectIds: [],
    transcriptOriginal: "",
    notes: "",
  };
}

/** A respondent whose consent covers interviews, in the evaluation a record lives in. */
async function freshHeardRespondent(f: Fixture): Promise<string> {
  if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
  const respondent = await createConsentedRespondent(f.prisma, {
    evaluationId: f.recordEvaluationId,
    recordedById: f.team.members.lead.id,
  });
  return respondent.id;
}

/** A domain or project of its own for one call, in the evaluation a record lives in. */
/** Two letters not used before in this run (never "MX", which is built in): AA, AB, … */
let countryCodes = 0;
function freshCountryCode(): string {
  const index = countryCodes++;
  const code = String.fromCharCode(65 + (Math.floor(index / 26) % 26), 65 + (index % 26));
  return code === "MX" ? freshCountryCode() : code;
}

async function freshDomain(f: Fixture, overrides: { retiredAt?: Date } = {}): Promise<string> {
  if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
  // After the last one: creating and deleting domains moves the others' positions.
  const last = await f.prisma.domain.aggregate({
    where: { evaluationId: f.recordEvaluationId },
    _max: { position: true },
  });
  const domain = buildDomain({
    evaluationId: f.recordEvaluationId,
    position: (last._max.position ?? 0) + 1,
    ...overrides,
  });
  await f.prisma.domain.create({ data: domain });
  return domain.id;
}

async function freshProject(f: Fixture, overrides: { retiredAt?: Date } = {}): Promise<string> {
  if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
  const project = buildProject({ evaluationId: f.recordEvaluationId, ...overrides });
  await f.prisma.project.create({ data: project });
  return project.id;
}

async function freshSector(f: Fixture) {
  if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
  const sector = buildSector({
    evaluationId: f.recordEvaluationId,
    nameEs: `Sector ${f.freshEmail()}`,
    nameEn: `Sector en ${f.freshEmail()}`,
  });
  await f.prisma.sector.create({ data: sector });
  return sector;
}

/** A lesson of its own for one call, written straight to the tables, in the evaluation a record lives in. */
async function freshLesson(f: Fixture): Promise<string> {
  if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
  const evaluationId = f.recordEvaluationId;
  const last = await f.prisma.learning.aggregate({ where: { evaluationId, kind: "LESSON" }, _max: { position: true } });
  const learning = await f.prisma.learning.create({
    data: {
      evaluationId,
      kind: "LESSON",
      position: (last._max.position ?? 0) + 1,
      createdById: f.team.members.lead.id,
    },
    select: { id: true },
  });
  await f.prisma.learningText.create({
    data: { evaluationId, learningId: learning.id, locale: "ES", body: "Lección de la matriz." },
  });
  return learning.id;
}

function lessonSample(f: Fixture) {
  return {
    evaluationId: f.evaluationId,
    kind: "LESSON",
    audience: null,
    atRiskGroupId: null,
    storyIds: [],
    domainIds: [],
    texts: { ES: { body: `Lección ${f.freshEmail()}` } },
  };
}

function domainSample(f: Fixture) {
  const tag = f.freshEmail();
  return {
    nameEs: `Dominio ${tag}`,
    nameEn: `Domain ${tag}`,
    definitionEs: "Definición.",
    definitionEn: "Definition.",
    isOther: false,
  };
}

function projectSample(f: Fixture) {
  const tag = f.freshEmail();
  return {
    acronym: `M-${tag}`,
    name: `Matrix project ${tag}`,
    managingOffice: "OTLA",
    fundingStreams: "USMCA",
    startDate: "",
    endDate: "",
    notes: "",
  };
}

/**
 * Retiring, restoring and deleting an entry of a setup list (domains, projects): each call gets a
 * fresh entry at version 1, already retired for restoring.
 */
function setupListSamples(
  entry: "Domain" | "Project",
  idField: "domainId" | "projectId",
  fresh: (f: Fixture, overrides?: { retiredAt?: Date }) => Promise<string>,
): Record<string, Sample> {
  const sample = (retired: boolean): Sample => ({
    permission: "evaluation.update",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      [idField]: await fresh(f, retired ? { retiredAt: new Date() } : {}),
      expectedVersion: 1,
    }),
  });
  return { [`retire${entry}`]: sample(false), [`restore${entry}`]: sample(true), [`delete${entry}`]: sample(false) };
}

/**
 * Per action: the permission it must declare (written here a second time, so an action cannot
 * quietly move to a weaker permission) and a valid-looking input aimed at the seeded evaluation,
 * with a fresh target for every call so one caller's success does not change what the next meets.
 */
type Sample = { permission: string; input: (fixture: Fixture) => unknown | Promise<unknown> };
const sampleInputs: Record<string, Sample> = {
  // lib/users/actions.ts
  createUser: {
    permission: "user.create",
    input: (f) => ({ name: "Matrix user", email: f.freshEmail(), locale: "ES", isAdmin: false }),
  },
  issueAccountSetupLink: {
    permission: "user.create",
    input: async (f) => ({ userId: (await f.freshUser({ passwordHash: null })).userId }),
  },
  disableUser: { permission: "user.disable", input: async (f) => ({ userId: (await f.freshUser()).userId }) },
  enableUser: {
    permission: "user.disable",
    input: async (f) => ({ userId: (await f.freshUser({ disabledAt: new Date() })).userId }),
  },
  setTwoFactorRequirement: {
    permission: "user.require_two_factor",
    // The other value than the current one: setting the same value again rightly writes nothing.
    input: async (f) => ({
      required: !(await f.prisma.installationSettings.findUnique({ where: { id: 1 } }))
        ?.requireTwoFactorForIdentityRoles,
    }),
  },
  // lib/evaluations/actions.ts
  createEvaluation: {
    permission: "evaluation.create",
    input: (f) => ({
      name: "Matrix evaluation",
      client: "Matrix client",
      evaluatorOrganisation: "Matrix evaluators",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      languages: ["ES"],
      leadEmail: f.freshEmail(),
    }),
  },
  updateEvaluation: {
    permission: "evaluation.update",
    input: async (f) => ({
      ...(await savedEvaluationFields(f.prisma, f.evaluationId)),
      description: `Matrix description ${f.freshEmail()}`,
    }),
  },
  copyEvaluationSetup: {
    permission: "evaluation.update",
    input: async (f) => {
      // A source the seeded evaluation's lead also leads, with one domain of its own.
      const source = buildEvaluation({ name: `Matrix source ${f.freshEmail()}` });
      await f.prisma.evaluation.create({ data: source });
      await f.prisma.evaluationMember.create({
        data: buildMembership({ evaluationId: source.id, userId: f.team.members.lead.id, roles: ["LEAD"] }),
      });
      await f.prisma.domain.create({
        data: buildDomain({
          evaluationId: source.id,
          position: 1,
          nameEs: `Dominio ${source.id}`,
          nameEn: `Domain ${source.id}`,
        }),
      });
      return { evaluationId: f.evaluationId, sourceEvaluationId: source.id };
    },
  },
  // lib/invitations/actions.ts
  inviteMember: {
    permission: "member.invite",
    input: (f) => ({ evaluationId: f.evaluationId, email: f.freshEmail(), roles: ["PANELIST"] }),
  },
  revokeInvitation: {
    permission: "member.invite",
    input: async (f) => {
      f.usedRecord = true;
      const invitation = await f.prisma.invitation.create({
        data: {
          evaluationId: f.recordEvaluationId,
          email: f.freshEmail(),
          roles: ["PANELIST"],
          tokenHash: newId() + newId(),
          invitedById: f.team.members.lead.id,
          expiresAt: inDays(1),
        },
        select: { id: true },
      });
      return { evaluationId: f.evaluationId, invitationId: invitation.id };
    },
  },
  // lib/members/actions.ts
  updateMemberRoles: {
    permission: "member.update_roles",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      memberId: (await f.freshMember(["PANELIST"])).memberId,
      roles: ["PANELIST", "ANALYST"],
    }),
  },
  removeMember: {
    permission: "member.remove",
    input: async (f) => ({ evaluationId: f.evaluationId, memberId: (await f.freshMember(["PANELIST"])).memberId }),
  },
  // lib/interviews/actions.ts, lib/focus-groups/actions.ts, lib/excerpts/actions.ts
  createInterview: {
    permission: "interview.edit",
    input: async (f) => ({
      ...fieldworkInput(f),
      mode: "PHONE",
      interviewerIds: [f.team.members.lead.id],
      respondentIds: [await freshHeardRespondent(f)],
    }),
  },
  updateInterview: {
    permission: "interview.edit",
    input: async (f) => {
      const respondentId = await freshHeardRespondent({ ...f, recordEvaluationId: f.evaluationId });
      const interview = buildInterview({ evaluationId: f.recordEvaluationId, transcriptOriginal: "Texto de prueba." });
      await f.prisma.interview.create({ data: interview });
      f.usedRecord = true;
      return {
        ...fieldworkInput(f),
        interviewId: interview.id,
        version: 1,
        mode: "VIDEO",
        interviewerIds: [f.team.members.lead.id],
        respondentIds: [respondentId],
      };
    },
  },
  createFocusGroup: {
    permission: "interview.edit",
    input: async (f) => ({
      ...fieldworkInput(f),
      topic: "Matrix focus group",
      facilitatorIds: [f.team.members.lead.id],
      participantIds: [await freshHeardRespondent(f)],
      anonymousParticipantCount: 2,
    }),
  },
  updateFocusGroup: {
    permission: "interview.edit",
    input: async (f) => {
      const focusGroup = buildFocusGroup({ evaluationId: f.recordEvaluationId, anonymousParticipantCount: 3 });
      await f.prisma.focusGroup.create({ data: focusGroup });
      f.usedRecord = true;
      return {
        ...fieldworkInput(f),
        focusGroupId: focusGroup.id,
        version: 1,
        topic: "Matrix topic",
        facilitatorIds: [f.team.members.lead.id],
        participantIds: [],
        anonymousParticipantCount: 4,
      };
    },
  },
  createExcerpt: {
    permission: "interview.edit",
    input: async (f) => {
      const interview = buildInterview({
        evaluationId: f.recordEvaluationId,
        transcriptOriginal: "Antes no había sindicato.",
      });
      await f.prisma.interview.create({ data: interview });
      f.usedRecord = true;
      return {
        evaluationId: f.evaluationId,
        source: "INTERVIEW",
        sourceId: interview.id,
        variant: "ORIGINAL",
        startOffset: 6,
        endOffset: 24,
        quotedText: "no había sindicato",
      };
    },
  },
  deleteExcerpt: {
    permission: "interview.edit",
    input: async (f) => {
      const transcript = "Antes no había sindicato.";
      const interview = buildInterview({ evaluationId: f.recordEvaluationId, transcriptOriginal: transcript });
      await f.prisma.interview.create({ data: interview });
      const excerpt = buildExcerpt({
        evaluationId: f.recordEvaluationId,
        interviewId: interview.id,
        createdById: f.team.members.lead.id,
        transcript,
        quote: "sindicato",
      });
      await f.prisma.transcriptExcerpt.create({ data: excerpt });
      f.usedRecord = true;
      return { evaluationId: f.evaluationId, excerptId: excerpt.id };
    },
  },
  // lib/quotations/actions.ts
  addQuotation: {
    permission: "quotation.manage",
    input: async (f) => {
      const { storyId, excerptId } = await quotableStory(f);
      return { evaluationId: f.evaluationId, storyId, excerptId };
    },
  },
  saveQuotationTranslation: {
    permission: "quotation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      quotationId: await freshQuotation(f),
      expectedVersion: 1,
      translation: "Now the union bargains for us.",
      translationLanguage: "en",
    }),
  },
  dropQuotation: {
    permission: "quotation.manage",
    input: async (f) => ({ evaluationId: f.evaluationId, quotationId: await freshQuotation(f), expectedVersion: 1 }),
  },
  // lib/respondents/actions.ts
  createRespondent: {
    permission: "respondent.edit",
    input: (f) => ({
      evaluationId: f.evaluationId,
      ...respondentFormAttributes(),
      name: "Matrix Person",
      phone: "",
      email: "",
      community: "",
    }),
  },
  updateRespondent: {
    permission: "respondent.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      ...(await freshRespondent(f)),
      version: 1,
      ...respondentFormAttributes(),
      gender: "MAN",
    }),
  },
  revealRespondentIdentity: {
    permission: "respondent.identity.view",
    input: async (f) => ({ evaluationId: f.evaluationId, ...(await freshRespondent(f)) }),
  },
  updateRespondentIdentity: {
    permission: "respondent.identity.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      ...(await freshRespondent(f)),
      version: 1,
      name: "Matrix Renamed",
      phone: "",
      email: "",
      community: "",
    }),
  },
  recordConsent: {
    permission: "consent.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      ...(await freshRespondent(f)),
      givenOn: "2024-06-01",
      method: "WRITTEN",
      formVersion: "v1",
      language: "es",
      scopes: {
        INTERVIEW: "yes",
        AUDIO_RECORDING: "no",
        ANONYMOUS_QUOTATION: "yes",
        SHARE_WITH_FUNDER: "no",
        CONTACT_FOR_VALIDATION: "yes",
      },
    }),
  },
  withdrawConsent: {
    permission: "consent.edit",
    input: async (f) => {
      const { respondentId, consentId } = await freshRespondent(f);
      return {
        evaluationId: f.evaluationId,
        respondentId,
        consentId,
        withdrawnOn: "2024-09-01",
        choice: "DESTROY",
        note: "",
        confirmed: true,
      };
    },
  },
  // lib/stories/actions.ts
  createChangeStory: {
    permission: "story.edit",
    input: (f) => ({ evaluationId: f.evaluationId, story: STORY_SAMPLE }),
  },
  updateChangeStory: {
    permission: "story.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: await freshStory(f),
      expectedVersion: 1,
      story: STORY_SAMPLE,
    }),
  },
  moveChangeStory: {
    permission: "story.edit",
    // Sending a submitted story back: a step of story.edit that needs no consent or sources, only a comment.
    input: async (f) => {
      const storyId = await freshStory(f);
      await f.prisma.changeStory.update({ where: { id: storyId }, data: { stage: "SUBMITTED" } });
      return { evaluationId: f.evaluationId, storyId, from: "SUBMITTED", to: "DRAFT", comment: "Falta la fuente." };
    },
  },
  // lib/triangulation/actions.ts (the analyst's steps on the story page)
  moveStoryInTriangulation: {
    permission: "triangulation.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: await freshStory(f, "SELECTED"),
      from: "SELECTED",
      to: "IN_TRIANGULATION",
    }),
  },
  // lib/domains/actions.ts
  assignStoryDomain: {
    permission: "story.assign_domain",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: await freshStory(f),
      domainId: f.team.domains[0]!.id,
      kind: "PRIMARY",
      rationale: "Matrix rationale.",
      expectedPrimaryId: null,
    }),
  },
  createDomain: {
    permission: "evaluation.update",
    input: (f) => ({ evaluationId: f.evaluationId, ...domainSample(f) }),
  },
  updateDomain: {
    permission: "evaluation.update",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      domainId: await freshDomain(f),
      expectedVersion: 1,
      ...domainSample(f),
    }),
  },
  reorderDomains: {
    permission: "evaluation.update",
    input: async (f) => {
      const seenOrder = (
        await f.prisma.domain.findMany({
          where: { evaluationId: f.evaluationId },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((row) => row.id);
      return { evaluationId: f.evaluationId, order: [...seenOrder].reverse(), seenOrder };
    },
  },
  ...setupListSamples("Domain", "domainId", freshDomain),
  // lib/fieldwork-plan/actions.ts and lib/places/actions.ts
  addPlace: {
    permission: "evaluation.update",
    input: (f) => ({
      evaluationId: f.evaluationId,
      state: "Oaxaca",
      municipality: `Municipio ${f.freshEmail()}`,
      community: "",
    }),
  },
  updateFieldworkPlan: {
    permission: "evaluation.update",
    input: async (f) => {
      const seen = await f.prisma.fieldworkPlanRegion.findMany({
        where: { evaluationId: f.evaluationId },
        select: { region: true, plannedInterviews: true, plannedFocusGroups: true },
      });
      return {
        evaluationId: f.evaluationId,
        regions: [{ region: "Oaxaca", plannedInterviews: seen.length + 1, plannedFocusGroups: 1 }],
        seen,
      };
    },
  },
  addCountry: {
    permission: "evaluation.update",
    input: (f) => ({
      evaluationId: f.evaluationId,
      code: freshCountryCode(),
      nameEs: `País ${f.freshEmail()}`,
      nameEn: `Country ${f.freshEmail()}`,
    }),
  },
  addRegion: {
    permission: "evaluation.update",
    input: async (f) => {
      await f.prisma.placeCountry.upsert({
        where: { evaluationId_code: { evaluationId: f.evaluationId, code: "GT" } },
        create: { evaluationId: f.evaluationId, code: "GT", nameEs: "Guatemala", nameEn: "Guatemala" },
        update: {},
      });
      return { evaluationId: f.evaluationId, countryCode: "GT", name: `Región ${f.freshEmail()}`, code: "" };
    },
  },
  removeCountry: {
    permission: "evaluation.update",
    input: async (f) => {
      if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
      const code = freshCountryCode();
      await f.prisma.placeCountry.create({
        data: { evaluationId: f.recordEvaluationId, code, nameEs: `País ${code}`, nameEn: `Country ${code}` },
      });
      return { evaluationId: f.evaluationId, code };
    },
  },
  removePlace: {
    permission: "evaluation.update",
    input: async (f) => {
      if (f.recordEvaluationId !== f.evaluationId) f.usedRecord = true;
      const place = buildPlace({
        evaluationId: f.recordEvaluationId,
        state: "Oaxaca",
        municipality: `Municipio ${f.freshEmail()}`,
      });
      await f.prisma.place.create({ data: place });
      return { evaluationId: f.evaluationId, placeId: place.id };
    },
  },
  // lib/setup-lists/actions.ts
  addListItem: {
    permission: "evaluation.update",
    input: (f) => {
      const tag = f.freshEmail();
      return { evaluationId: f.evaluationId, kind: "SECTOR", nameEs: `Sector ${tag}`, nameEn: `Sector en ${tag}` };
    },
  },
  renameListItem: {
    permission: "evaluation.update",
    input: async (f) => {
      const sector = await freshSector(f);
      const tag = f.freshEmail();
      return {
        evaluationId: f.evaluationId,
        kind: "SECTOR",
        itemId: sector.id,
        seen: { nameEs: sector.nameEs, nameEn: sector.nameEn },
        nameEs: `Renombrado ${tag}`,
        nameEn: `Renamed ${tag}`,
      };
    },
  },
  removeListItem: {
    permission: "evaluation.update",
    input: async (f) => ({ evaluationId: f.evaluationId, kind: "SECTOR", itemId: (await freshSector(f)).id }),
  },
  // lib/learnings/actions.ts
  createLearning: { permission: "learning.edit", input: (f) => lessonSample(f) },
  updateLearning: {
    permission: "learning.edit",
    input: async (f) => {
      const { kind: _kind, ...fields } = lessonSample(f);
      return { ...fields, learningId: await freshLesson(f), expectedVersion: 1 };
    },
  },
  reorderLearnings: {
    permission: "learning.edit",
    input: async (f) => {
      const seenOrder = (
        await f.prisma.learning.findMany({
          where: { evaluationId: f.evaluationId, kind: "LESSON" },
          orderBy: { position: "asc" },
          select: { id: true },
        })
      ).map((row) => row.id);
      return { evaluationId: f.evaluationId, kind: "LESSON", order: [...seenOrder].reverse(), seenOrder };
    },
  },
  deleteLearning: {
    permission: "learning.edit",
    input: async (f) => ({ evaluationId: f.evaluationId, learningId: await freshLesson(f), expectedVersion: 1 }),
  },
  // lib/projects/actions.ts
  createProject: {
    permission: "evaluation.update",
    input: (f) => ({ evaluationId: f.evaluationId, project: projectSample(f) }),
  },
  updateProject: {
    permission: "evaluation.update",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      projectId: await freshProject(f),
      expectedVersion: 1,
      project: projectSample(f),
    }),
  },
  ...setupListSamples("Project", "projectId", freshProject),
  endStoryDomain: {
    permission: "story.assign_domain",
    input: async (f) => {
      const storyId = await freshStory(f);
      const domain = buildDomain({ evaluationId: f.recordEvaluationId });
      await f.prisma.domain.create({ data: domain });
      const assignment = buildDomainAssignment({
        evaluationId: f.recordEvaluationId,
        storyId,
        domainId: domain.id,
        assignedById: f.team.members.lead.id,
        kind: "SECONDARY",
      });
      await f.prisma.domainAssignment.create({ data: assignment });
      return { evaluationId: f.evaluationId, storyId, assignmentId: assignment.id };
    },
  },
  // lib/triangulation/actions.ts
  addEvidence: {
    permission: "triangulation.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: await freshStory(f, "IN_TRIANGULATION"),
      evidence: EVIDENCE_SAMPLE,
      file: null,
    }),
  },
  editEvidence: {
    permission: "triangulation.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      evidenceId: await freshEvidence(f),
      expectedVersion: 1,
      evidence: { ...EVIDENCE_SAMPLE, citation: "Matrix citation, edited" },
      file: null,
    }),
  },
  removeEvidence: {
    permission: "triangulation.edit",
    input: async (f) => ({ evaluationId: f.evaluationId, evidenceId: await freshEvidence(f), expectedVersion: 1 }),
  },
  signOffStoryTriangulation: {
    permission: "triangulation.sign_off",
    input: async (f) => {
      // Revision 1 and supporting evidence of two independent kinds of source: what a sign-off needs.
      const storyId = await freshStory(f, "IN_TRIANGULATION");
      const addedById = f.team.members.analyst!.id;
      await f.prisma.storyRevision.create({
        data: {
          evaluationId: f.recordEvaluationId,
          storyId,
          version: 1,
          snapshot: {},
          editedById: f.team.members.evaluator!.id,
        },
      });
      await f.prisma.evidenceItem.createMany({
        data: [
          buildEvidenceItem({ evaluationId: f.recordEvaluationId, storyId, addedById, sourceType: "DOCUMENT" }),
          buildEvidenceItem({
            evaluationId: f.recordEvaluationId,
            storyId,
            addedById,
            sourceType: "ADMINISTRATIVE_RECORD",
          }),
        ],
      });
      return { evaluationId: f.evaluationId, storyId, storyVersion: 1, note: "Matrix sign-off." };
    },
  },
  saveStoryVerification: {
    permission: "triangulation.edit",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: await freshStory(f, "RETURNED"),
      expectedVersion: 1,
      fields: {
        contributionNarrative: "Matrix narrative.",
        contributions: [],
        contributionRating: "LOW",
        contributionRatingReason: "Matrix reason.",
        sustainabilityAssessment: "",
        sustainabilityConditions: "",
        sustainabilityRisks: "",
      },
    }),
  },
  // lib/validation/actions.ts
  createValidationRound: {
    permission: "validation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      round: { ...ROUND_FIELDS, storyIds: [(await freshStoryAt(f, "TRIANGULATED")).storyId] },
    }),
  },
  updateValidationRound: {
    permission: "validation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: (await freshRound(f, "PLANNED")).roundId,
      expectedVersion: 1,
      round: { ...ROUND_FIELDS, name: "Renamed", storyIds: [] },
    }),
  },
  stepValidationRound: {
    permission: "validation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: (await freshRound(f, "PLANNED", { member: true, story: true })).roundId,
      step: "open",
      expectedVersion: 1,
    }),
  },
  drawValidationSample: {
    permission: "validation.manage",
    input: async (f) => ({ evaluationId: f.evaluationId, roundId: (await freshRound(f, "PLANNED")).roundId }),
  },
  addValidationSampleMember: {
    permission: "validation.manage",
    input: async (f) => {
      const { roundId } = await freshRound(f, "PLANNED", { story: true });
      const { respondentId } = await freshRespondent(f);
      const { code } = await f.prisma.respondent.findUniqueOrThrow({
        where: { id: respondentId },
        select: { code: true },
      });
      return { evaluationId: f.evaluationId, roundId, respondentCode: code };
    },
  },
  removeValidationSampleMember: {
    permission: "validation.manage",
    input: async (f) => {
      const { roundId, respondentId } = await freshRound(f, "PLANNED", { member: true });
      return { evaluationId: f.evaluationId, roundId, respondentId };
    },
  },
  recordValidationResponse: {
    permission: "validation.record",
    input: async (f) => {
      const { roundId, respondentId, storyId, revisionId } = await freshRound(f, "OPEN", { member: true, story: true });
      return {
        evaluationId: f.evaluationId,
        roundId,
        respondentId,
        storyId,
        storyRevisionId: revisionId,
        verdict: "CONFIRMS",
        comments: "",
        proposedChanges: "",
      };
    },
  },
  correctValidationResponse: {
    permission: "validation.record",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      responseId: (await freshRound(f, "OPEN", { member: true, story: true, dispute: true })).responseId,
      expectedVersion: 1,
      verdict: "CONFIRMS",
      comments: "Ticked the wrong box.",
      proposedChanges: "",
    }),
  },
  resolveValidationDispute: {
    permission: "validation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      responseId: (await freshRound(f, "OPEN", { member: true, story: true, dispute: true })).responseId,
      outcome: "CORRECT",
      resolution: "Settled in writing.",
    }),
  },
  // lib/reviews/actions.ts
  sendStoryToReview: {
    permission: "review.submit",
    input: async (f) => ({ evaluationId: f.evaluationId, storyId: (await freshStoryAt(f, "VALIDATED")).storyId }),
  },
  decideStoryReview: {
    permission: "review.decide",
    input: async (f) => {
      const { storyId, revisionId } = await freshStoryAt(f, "IN_REVIEW");
      return { evaluationId: f.evaluationId, storyId, storyRevisionId: revisionId, decision: "APPROVE", comment: "" };
    },
  },
  decideStoryRevalidation: {
    permission: "validation.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      storyId: (await freshStoryAt(f, "RETURNED")).storyId,
      choice: "NEW_VALIDATION",
      comment: "The figures changed.",
    }),
  },
  // lib/selection/actions.ts
  createSelectionPanel: {
    permission: "selection.manage",
    input: (f) => ({
      evaluationId: f.evaluationId,
      name: "Matrix panel",
      level: "PORTFOLIO",
      domainId: null,
      memberIds: [f.team.members.panelist!.id],
    }),
  },
  createSelectionRound: {
    permission: "selection.manage",
    input: async (f) => {
      const { panelId } = await freshDomainPanelWithScreenedStory(f);
      return {
        evaluationId: f.evaluationId,
        panelId,
        name: "Matrix round",
        method: "APPROVAL",
        deadline: inDays(1).toISOString(),
        storyIds: [],
      };
    },
  },
  openSelectionRound: {
    permission: "selection.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: await freshSelectionRound(f, "DRAFT"),
      expectedVersion: 1,
    }),
  },
  closeSelectionRound: {
    permission: "selection.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: await freshSelectionRound(f, "OPEN"),
      expectedVersion: 1,
    }),
  },
  cancelSelectionRound: {
    permission: "selection.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: await freshSelectionRound(f, "DRAFT"),
      expectedVersion: 1,
    }),
  },
  recordSelectionDecision: {
    permission: "selection.manage",
    input: async (f) => {
      const { roundId, storyId } = await freshRoundCandidate(f, "CLOSED");
      return {
        evaluationId: f.evaluationId,
        roundId,
        expectedVersion: 1,
        selected: [{ storyId, reason: "The panel found it the most significant." }],
        feedback: [{ storyId, language: "es", text: "Gracias." }],
      };
    },
  },
  sendSelectionReminder: {
    permission: "selection.manage",
    input: async (f) => ({
      evaluationId: f.evaluationId,
      roundId: await freshSelectionRound(f, "OPEN"),
      text: "Please vote.",
    }),
  },
  castSelectionBallots: {
    permission: "selection.vote",
    input: async (f) => {
      const { roundId, storyId } = await freshRoundCandidate(f, "OPEN");
      return {
        evaluationId: f.evaluationId,
        roundId,
        votes: [{ storyId, approved: true, reason: "Significant." }],
      };
    },
  },
  // lib/imports/actions.ts
  analyzeImportFile: {
    permission: "import.run",
    input: (f) => ({ evaluationId: f.evaluationId, kind: "RESPONDENTS", file: importFile(), delimiter: "auto" }),
  },
  dryRunImport: {
    permission: "import.run",
    input: (f) => ({
      evaluationId: f.evaluationId,
      kind: "RESPONDENTS",
      file: importFile(),
      delimiter: "auto",
      mapping: IMPORT_MAPPING,
      keyColumn: "_uuid",
      idempotencyKey: newId(),
    }),
  },
  commitImport: {
    permission: "import.run",
    input: async (f) => ({ evaluationId: f.evaluationId, ...(await freshImportBatch(f)) }),
  },
};

const EVIDENCE_SAMPLE = {
  sourceType: "DOCUMENT",
  citation: "Matrix citation",
  whatItShows: "What it shows.",
  stance: "SUPPORTS",
  strength: "MODERATE",
  figureId: "",
  response: "",
};

/** An evidence item on a fresh story in triangulation, in the record's evaluation. */
/** A selected story resting on a passage said by its storyteller, who consents to anonymous quotation. */
async function quotableStory(f: Fixture): Promise<{ storyId: string; excerptId: string }> {
  const storyId = await freshStory(f, "SELECTED");
  const evaluationId = f.recordEvaluationId;
  const respondent = await createConsentedRespondent(f.prisma, { evaluationId, recordedById: f.team.members.lead.id });
  const transcript = "Ahora el sindicato negocia por nosotras.";
  const interview = buildInterview({ evaluationId, transcriptOriginal: transcript });
  await f.prisma.interview.create({ data: interview });
  const excerpt = buildExcerpt({
    evaluationId,
    interviewId: interview.id,
    createdById: f.team.members.lead.id,
    transcript,
    quote: "el sindicato negocia por nosotras",
  });
  await f.prisma.transcriptExcerpt.create({ data: excerpt });
  await f.prisma.storyTeller.create({ data: { id: newId(), evaluationId, storyId, respondentId: respondent.id } });
  await f.prisma.storySource.create({ data: { id: newId(), evaluationId, storyId, excerptId: excerpt.id } });
  return { storyId, excerptId: excerpt.id };
}

async function freshQuotation(f: Fixture): Promise<string> {
  const { storyId, excerptId } = await quotableStory(f);
  const quotation = await f.prisma.storyQuotation.create({
    data: {
      evaluationId: f.recordEvaluationId,
      storyId,
      excerptId,
      text: "el sindicato negocia por nosotras",
      language: "es",
      chosenById: f.team.members.analyst!.id,
    },
    select: { id: true },
  });
  return quotation.id;
}

async function freshEvidence(f: Fixture): Promise<string> {
  const storyId = await freshStory(f, "IN_TRIANGULATION");
  const item = buildEvidenceItem({
    evaluationId: f.recordEvaluationId,
    storyId,
    addedById: f.team.members.analyst!.id,
  });
  await f.prisma.evidenceItem.create({ data: item });
  return item.id;
}

const ROUND_FIELDS = {
  name: "Matrix round",
  startsOn: "2025-03-01",
  endsOn: "2025-03-31",
  method: "WORKSHOP",
  targetSize: 3,
  notes: "",
};

/** A story at `stage` with its revision 1, in the record's evaluation. */
async function freshStoryAt(
  f: Fixture,
  stage: "TRIANGULATED" | "VALIDATED" | "IN_REVIEW" | "RETURNED" | "IN_VALIDATION",
): Promise<{ storyId: string; revisionId: string }> {
  const storyId = await freshStory(f);
  await f.prisma.changeStory.update({ where: { id: storyId }, data: { stage } });
  const revision = await f.prisma.storyRevision.create({
    data: {
      evaluationId: f.recordEvaluationId,
      storyId,
      version: 1,
      snapshot: {},
      editedById: f.team.members.evaluator!.id,
    },
    select: { id: true },
  });
  return { storyId, revisionId: revision.id };
}

/** A validation round in the record's evaluation, with a story, a sampled respondent and a dispute as asked. */
async function freshRound(
  f: Fixture,
  status: "PLANNED" | "OPEN",
  options: { member?: boolean; story?: boolean; dispute?: boolean } = {},
) {
  f.usedRecord = true;
  const evaluationId = f.recordEvaluationId;
  const round = await f.prisma.validationRound.create({
    data: {
      evaluationId,
      name: "Matrix round",
      startsOn: new Date("2025-03-01"),
      endsOn: new Date("2025-03-31"),
      method: "PHONE",
      targetSize: 3,
      status,
    },
    select: { id: true },
  });
  const respondentId = options.member ? (await freshRespondent(f)).respondentId : "";
  if (options.member)
    await f.prisma.validationSampleMember.create({ data: { evaluationId, validationRoundId: round.id, respondentId } });
  let storyId = "";
  let revisionId = "";
  let responseId = "";
  if (options.story) {
    ({ storyId, revisionId } = await freshStoryAt(f, "IN_VALIDATION"));
    await f.prisma.validationRoundStory.create({
      data: { evaluationId, validationRoundId: round.id, storyId, storyRevisionId: revisionId },
    });
  }
  if (options.dispute) {
    const response = await f.prisma.validationResponse.create({
      data: {
        evaluationId,
        validationRoundId: round.id,
        respondentId,
        storyId,
        storyRevisionId: revisionId,
        verdict: "DISPUTES",
        recordedById: f.team.members.lead.id,
      },
      select: { id: true },
    });
    responseId = response.id;
  }
  return { roundId: round.id, respondentId, storyId, revisionId, responseId };
}

/**
 * A small respondents export as KoboToolbox writes it, with a name (so an allowed commit seals an
 * identity) and a fresh _uuid per call.
 */
function importFile(): File {
  return new File(
    [
      `grp/respondent_type,grp/gender,grp/state,grp/language,id/name,_uuid\r\nunion_member,Mujer,Coahuila,es,Matrix Imported,${newId()}\r\n`,
    ],
    "kobo.csv",
  );
}

const IMPORT_MAPPING = {
  "grp/respondent_type": "type",
  "grp/gender": "gender",
  "grp/state": "state",
  "grp/language": "language",
  "id/name": "name",
};

/** A dry-run batch of that file in the record's evaluation, ready to commit. */
async function freshImportBatch(f: Fixture): Promise<{ batchId: string; file: File }> {
  f.usedRecord = true;
  const file = importFile();
  const fileSha256 = createHash("sha256")
    .update(Buffer.from(await file.arrayBuffer()))
    .digest("hex");
  const batch = await f.prisma.importBatch.create({
    data: {
      evaluationId: f.recordEvaluationId,
      kind: "RESPONDENTS",
      fileName: "kobo.csv",
      fileSha256,
      columns: IMPORT_MAPPING,
      keyColumn: "_uuid",
      rowCount: 1,
      newCount: 1,
      delimiter: ",",
      status: "DRY_RUN",
      idempotencyKey: newId(),
      createdById: f.team.members.lead.id,
    },
    select: { id: true },
  });
  return { batchId: batch.id, file };
}

/** A respondent with a sealed identity and a consent, in the evaluation the record should live in. */
async function freshRespondent(f: Fixture): Promise<{ respondentId: string; consentId: string }> {
  f.usedRecord = true;
  const respondent = buildRespondent({
    evaluationId: f.recordEvaluationId,
    codeNumber: await nextRespondentCodeNumber(f.prisma, f.recordEvaluationId),
  });
  const consent = buildConsent({
    evaluationId: f.recordEvaluationId,
    respondentId: respondent.id,
    recordedById: f.team.members.evaluator!.id,
  });
  await f.prisma.respondent.create({ data: respondent });
  await f.prisma.respondentIdentity.create({
    data: buildRespondentIdentity({
      evaluationId: f.recordEvaluationId,
      respondentId: respondent.id,
      name: "Matrix Person",
    }),
  });
  await f.prisma.consent.create({ data: consent });
  await f.prisma.consentScope.createMany({ data: buildConsentScopes(consent) });
  return { respondentId: respondent.id, consentId: consent.id };
}

/** A change story as the story form sends it, with only the required fields. */
const STORY_SAMPLE = {
  title: "Matrix story",
  whatChanged: "What changed.",
  whySignificant: "Why it matters.",
  originalLanguage: "es",
  changeType: "POSITIVE",
  periodPrecision: "YEAR",
  placeIds: [],
  sectorIds: [],
  priorityTagIds: [],
  atRiskGroups: [],
  figures: [],
  contributions: [],
  storytellerIds: [],
  sources: [],
};

/** A fresh story (a draft unless `stage` says otherwise) in the record's evaluation, for one call of a story action. */
async function freshStory(
  f: Fixture,
  stage: "DRAFT" | "SELECTED" | "IN_TRIANGULATION" | "RETURNED" = "DRAFT",
): Promise<string> {
  f.usedRecord = true;
  const last = await f.prisma.changeStory.aggregate({
    where: { evaluationId: f.recordEvaluationId },
    _max: { codeNumber: true },
  });
  const story = buildChangeStory({
    evaluationId: f.recordEvaluationId,
    authorId: f.team.members.evaluator!.id,
    codeNumber: (last._max.codeNumber ?? 0) + 1,
    stage,
  });
  await f.prisma.changeStory.create({ data: story });
  return story.id;
}

/** A domain panel (the matrix panelist sits on it) and a screened story of its domain, where the record should live. */
async function freshDomainPanelWithScreenedStory(f: Fixture): Promise<{ panelId: string; storyId: string }> {
  const storyId = await freshStory(f);
  const domain = buildDomain({ evaluationId: f.recordEvaluationId });
  await f.prisma.domain.create({ data: domain });
  await f.prisma.changeStory.update({ where: { id: storyId }, data: { stage: "SCREENED" } });
  await f.prisma.domainAssignment.create({
    data: buildDomainAssignment({
      evaluationId: f.recordEvaluationId,
      storyId,
      domainId: domain.id,
      assignedById: f.team.members.lead.id,
    }),
  });
  const panel = await f.prisma.selectionPanel.create({
    data: { evaluationId: f.recordEvaluationId, name: "Matrix domain panel", level: "DOMAIN", domainId: domain.id },
    select: { id: true },
  });
  await f.prisma.panelMember.create({
    data: { evaluationId: f.recordEvaluationId, panelId: panel.id, userId: f.team.members.panelist!.id },
  });
  return { panelId: panel.id, storyId };
}

async function freshSelectionRound(f: Fixture, status: "DRAFT" | "OPEN" | "CLOSED"): Promise<string> {
  return (await freshRoundCandidate(f, status)).roundId;
}

/** A portfolio round (opening or deciding it moves no story) with one candidate, in the given status, version 1. */
async function freshRoundCandidate(
  f: Fixture,
  status: "DRAFT" | "OPEN" | "CLOSED",
): Promise<{ roundId: string; storyId: string }> {
  const storyId = await freshStory(f);
  await f.prisma.changeStory.update({ where: { id: storyId }, data: { stage: "SELECTED" } });
  const panel = await f.prisma.selectionPanel.create({
    data: { evaluationId: f.recordEvaluationId, name: "Matrix portfolio panel", level: "PORTFOLIO" },
    select: { id: true },
  });
  await f.prisma.panelMember.create({
    data: { evaluationId: f.recordEvaluationId, panelId: panel.id, userId: f.team.members.panelist!.id },
  });
  const round = await f.prisma.selectionRound.create({
    data: {
      evaluationId: f.recordEvaluationId,
      panelId: panel.id,
      name: "Matrix round",
      method: "APPROVAL",
      deadline: inDays(1),
      status,
    },
    select: { id: true },
  });
  await f.prisma.roundCandidate.create({ data: { evaluationId: f.recordEvaluationId, roundId: round.id, storyId } });
  return { roundId: round.id, storyId };
}

/** Actions that succeed without an audit event of their own, with why; every other success writes one. */
const WRITES_NO_AUDIT_EVENT: Record<string, string> = {
  analyzeImportFile: "reads the uploaded file's columns and proposes a mapping; writes nothing",
  dryRunImport: "a trial run: the batch it keeps is audited when the import is committed",
  castSelectionBallots:
    "ballots stay out of the audit chain one by one; ballot_revision keeps their history and the round's close seals a digest of them (lib/selection/ballot-mutations.ts)",
};

/** A mutation's own typed refusal ({ ok: false, reason }) handed back as the action's data. */
function refusedInside(result: { ok: boolean; data?: unknown }): boolean {
  return (
    result.ok &&
    typeof result.data === "object" &&
    result.data !== null &&
    (result.data as { ok?: unknown }).ok === false
  );
}

/**
 * Exported server functions that are deliberately not registered actions, with why, and what an
 * anonymous caller with a made-up input must get (nothing written either way).
 */
const PUBLIC_ACTIONS: Record<
  string,
  { reason: string; anonymous: "UNAUTHENTICATED" | "NOTHING_WRITTEN" | "NOT_CALLED"; input?: unknown }
> = {
  "lib/i18n/actions.ts#setLocale": {
    reason: "sets the language cookie only; touches no data",
    anonymous: "NOT_CALLED",
  },
  "lib/invitations/actions.ts#acceptInvitationWithAccount": {
    reason: "the invitation token is the credential (invitations-*.test.ts)",
    anonymous: "NOTHING_WRITTEN",
    input: {
      token: "A".repeat(43),
      name: "Someone",
      password: "long enough password",
      passwordConfirmation: "long enough password",
    },
  },
  "lib/invitations/actions.ts#acceptInvitationAsSignedInUser": {
    reason: "acts for the signed-in invitee only, with their token (invitations-*.test.ts)",
    anonymous: "UNAUTHENTICATED",
    input: { token: "A".repeat(43) },
  },
  "lib/users/actions.ts#completeAccountSetup": {
    reason: "the administrator's signed set-up link is the credential (users-*.test.ts)",
    anonymous: "NOTHING_WRITTEN",
    input: {
      token: `cnobody.${inDays(1).getTime().toString(36)}.${"A".repeat(43)}`,
      name: "Someone",
      password: "long enough password",
      passwordConfirmation: "long enough password",
    },
  },
  "lib/auth/actions.ts#checkSignInInput": {
    reason: "checks the sign-in form's fields against the schema; reads and writes nothing",
    anonymous: "NOTHING_WRITTEN",
    input: { email: "not an address", password: "" },
  },
  "lib/auth/two-factor-actions.ts#startTwoFactorSetupAction": {
    reason: "account action: acts on the caller's own account only (lib/auth/account-action.ts)",
    anonymous: "UNAUTHENTICATED",
    input: {},
  },
  "lib/auth/two-factor-actions.ts#confirmTwoFactorSetupAction": {
    reason: "account action: acts on the caller's own account only (lib/auth/account-action.ts)",
    anonymous: "UNAUTHENTICATED",
    input: { code: "123456" },
  },
  "lib/auth/two-factor-actions.ts#disableTwoFactorAction": {
    reason: "account action: acts on the caller's own account only (lib/auth/account-action.ts)",
    anonymous: "UNAUTHENTICATED",
    input: { code: "123456" },
  },
};

const ROOT = process.cwd();

/** lib/**\/actions.ts, plus any other file under lib/ that is a "use server" module. */
function serverActionFiles(): string[] {
  const files = readdirSync(path.join(ROOT, "lib"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.startsWith("generated"))
    .map((file) => path.join("lib", file).split(path.sep).join("/"));
  return files
    .filter((file) => {
      // lib/actions.ts is the wrapper that builds actions, not a module of actions.
      if (file === "lib/actions.ts") return false;
      if (path.basename(file) === "actions.ts") return true;
      const source = readFileSync(path.join(ROOT, file), "utf8");
      return /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(source);
    })
    .sort();
}

type Found = {
  file: string;
  exportName: string;
  fn: (input: unknown) => Promise<unknown>;
  registeredName: string | undefined;
};

let database: TestDatabase;
let fixture: Fixture;
let elsewhereId: string;
const found: Found[] = [];
let registry: Map<string, { name: string; permission: string; scope: "installation" | "evaluation" }>;
let can: (roles: readonly string[], permission: string) => boolean;
let tableNames: string[] = [];
const users: Record<Exclude<Caller, "ANONYMOUS">, CurrentUser> = {} as never;

async function snapshot(): Promise<Record<string, string>> {
  const sql = tableNames
    .map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`,
    )
    .join(" UNION ALL ");
  const rows = await database.prisma.$queryRawUnsafe<Array<{ t: string; h: string }>>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.h]));
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

function rolesOfCaller(caller: Caller): string[] {
  switch (caller) {
    case "ADMIN":
      return ["ADMIN"];
    case "OUTSIDER":
    case "ANONYMOUS":
      return [];
    default:
      return [caller];
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  const { prisma } = database;
  const team = await createEvaluationWithTeam(prisma);
  // The outsider leads another evaluation: strong roles, wrong scope.
  const elsewhere = buildEvaluation({ name: "Another evaluation" });
  await prisma.evaluation.create({ data: elsewhere });
  elsewhereId = elsewhere.id;
  await prisma.evaluationMember.create({
    data: buildMembership({ evaluationId: elsewhere.id, userId: team.outsider.id, roles: ["LEAD"] }),
  });
  const admin = buildUser({ name: "Matrix admin", isAdmin: true });
  await prisma.user.create({ data: admin });

  Object.assign(users, {
    LEAD: actingUser(team.members.lead),
    EVALUATOR: actingUser(team.members.evaluator!),
    PANELIST: actingUser(team.members.panelist!),
    ANALYST: actingUser(team.members.analyst!),
    REVIEWER: actingUser(team.members.reviewer!),
    ADMIN: actingUser(admin),
    OUTSIDER: actingUser(team.outsider),
  });

  let counter = 0;
  fixture = {
    prisma,
    team,
    evaluationId: team.evaluation.id,
    recordEvaluationId: team.evaluation.id,
    usedRecord: false,
    admin: users.ADMIN,
    freshEmail: () => `matrix-${++counter}-${newId().slice(-6)}@test.example`,
    async freshMember(roles = ["PANELIST"]) {
      this.usedRecord = true;
      const user = buildUser({ name: `Matrix member ${++counter}` });
      await prisma.user.create({ data: user });
      const member = await prisma.evaluationMember.create({
        data: { evaluationId: this.recordEvaluationId, userId: user.id, roles },
        select: { id: true },
      });
      return { memberId: member.id, userId: user.id };
    },
    async freshUser(overrides = {}) {
      const user = buildUser({
        name: `Matrix target ${++counter}`,
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
        ...overrides,
      });
      await prisma.user.create({ data: user });
      return { userId: user.id };
    },
  };

  const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  tableNames = tables.map((row) => row.table_name);

  const actionsModule = await import("@/lib/actions");
  ({ can } = (await import("@/lib/permissions")) as unknown as { can: typeof can });
  registry = actionsModule.actionRegistry as typeof registry;
  for (const file of serverActionFiles()) {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      found.push({
        file,
        exportName,
        fn: value as Found["fn"],
        registeredName: actionsModule.registeredActionName(value),
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the action inventory", () => {
  it("finds the server action files, including this feature's", () => {
    const files = new Set(found.map((entry) => entry.file));
    for (const file of [
      "lib/users/actions.ts",
      "lib/members/actions.ts",
      "lib/invitations/actions.ts",
      "lib/evaluations/actions.ts",
    ]) {
      expect(files, file).toContain(file);
    }
  });

  it('marks every actions.ts as a "use server" module (otherwise its code would ship to the browser)', () => {
    const files = [...new Set(found.map((entry) => entry.file))].filter((file) => path.basename(file) === "actions.ts");
    for (const file of files)
      expect(readFileSync(path.join(ROOT, file), "utf8"), file).toMatch(/^\s*["']use server["']/);
  });

  it("has every exported server function registered, or listed as public with a reason", () => {
    const unexplained = found
      .filter((entry) => !entry.registeredName && !PUBLIC_ACTIONS[`${entry.file}#${entry.exportName}`])
      .map((entry) => `${entry.file}#${entry.exportName}`);
    expect(
      unexplained,
      "Build these with evaluationAction/installationAction (lib/actions.ts), or list them in PUBLIC_ACTIONS with a reason",
    ).toEqual([]);
  });

  it("lists no public action that no longer exists", () => {
    const present = new Set(found.map((entry) => `${entry.file}#${entry.exportName}`));
    expect(
      Object.keys(PUBLIC_ACTIONS).filter((key) => !present.has(key)),
      "remove these from PUBLIC_ACTIONS",
    ).toEqual([]);
  });

  it("has a sample input for every registered action", () => {
    const missing = [...registry.keys()].filter((name) => !sampleInputs[name]);
    expect(
      missing,
      `Add a sample input to sampleInputs in tests/integration/authorization-matrix.test.ts for: ${missing.join(", ")}`,
    ).toEqual([]);
  });

  it("has each action declare the permission written down for it here", () => {
    const mismatched = [...registry.values()]
      .filter((rule) => sampleInputs[rule.name] && sampleInputs[rule.name]!.permission !== rule.permission)
      .map((rule) => `${rule.name}: declares ${rule.permission}, expected ${sampleInputs[rule.name]!.permission}`);
    expect(mismatched).toEqual([]);
  });

  it("has no sample input for an action that does not exist", () => {
    expect(Object.keys(sampleInputs).filter((name) => !registry.has(name))).toEqual([]);
  });

  it("excuses no action that does not exist from writing an audit event", () => {
    expect(Object.keys(WRITES_NO_AUDIT_EVENT).filter((name) => !registry.has(name))).toEqual([]);
  });
});

describe("every registered action × every caller", () => {
  it("answers each caller as the permission table says, and out of scope changes nothing", async () => {
    const problems: string[] = [];
    let calls = 0;
    const registered = found.filter((entry) => entry.registeredName);
    expect(registered.length).toBeGreaterThanOrEqual(10);

    for (const entry of registered) {
      const name = entry.registeredName!;
      const rule = registry.get(name)!;
      const sample = sampleInputs[name];
      if (!sample) {
        problems.push(
          `${name}: no sample input. Add one to sampleInputs in tests/integration/authorization-matrix.test.ts`,
        );
        continue;
      }
      for (const caller of CALLERS) {
        const input = await sample.input(fixture);
        signInAs(caller === "ANONYMOUS" ? null : users[caller]);
        const before = await snapshot();
        const result = (await entry.fn(input)) as { ok: boolean; error?: string; data?: unknown };
        const after = await snapshot();
        signOut();
        calls += 1;
        const changed = changedTables(before, after);
        const label = `${name} as ${caller}`;
        const allowed = can(rolesOfCaller(caller), rule.permission);

        if (caller === "ANONYMOUS") {
          if (JSON.stringify(result) !== JSON.stringify({ ok: false, error: "UNAUTHENTICATED" }))
            problems.push(`${label}: expected UNAUTHENTICATED, got ${JSON.stringify(result)}`);
        } else if (caller === "OUTSIDER" && rule.scope === "evaluation") {
          // Exactly the code: no field of the target may travel back.
          if (JSON.stringify(result) !== JSON.stringify({ ok: false, error: "NOT_FOUND" }))
            problems.push(`${label}: expected NOT_FOUND, got ${JSON.stringify(result)}`);
        } else if (!allowed) {
          if (JSON.stringify(result) !== JSON.stringify({ ok: false, error: "FORBIDDEN" }))
            problems.push(`${label}: expected FORBIDDEN, got ${JSON.stringify(result)}`);
        } else if (!result.ok || refusedInside(result)) {
          problems.push(
            `${label}: holds ${rule.permission} but got ${JSON.stringify(result)}: a permitted caller must succeed (check the sample input)`,
          );
        } else if (!changed.includes("audit_event") && !WRITES_NO_AUDIT_EVENT[name]) {
          problems.push(
            `${label}: succeeded but wrote no audit event (changed: ${changed.join(", ") || "nothing"}); a success that changes nothing proves nothing`,
          );
        }
        if (!allowed || caller === "ANONYMOUS" || (caller === "OUTSIDER" && rule.scope === "evaluation")) {
          if (changed.length > 0) problems.push(`${label}: refused, yet changed ${changed.join(", ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBe(registered.length * CALLERS.length);
  }, 300_000);
});

describe("a record of another evaluation, named through one's own", () => {
  it("is not found for the lead (and the administrator, where they hold the permission), and nothing changes", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const entry of found.filter((candidate) => candidate.registeredName)) {
      const name = entry.registeredName!;
      const rule = registry.get(name)!;
      const sample = sampleInputs[name];
      if (!sample || rule.scope !== "evaluation") continue;
      for (const caller of ["LEAD", "ADMIN"] as const) {
        const foreign: Fixture = { ...fixture, recordEvaluationId: elsewhereId, usedRecord: false };
        const input = await sample.input(foreign);
        if (!foreign.usedRecord) continue; // the input names no record (e.g. an invitation's e-mail)
        checked += 1;
        signInAs(users[caller]);
        const before = await snapshot();
        const result = await entry.fn(input);
        const changed = changedTables(before, await snapshot());
        signOut();
        // A caller without the permission (an administrator on fieldwork) is refused before any lookup.
        const expected = can(rolesOfCaller(caller), rule.permission) ? "NOT_FOUND" : "FORBIDDEN";
        if (JSON.stringify(result) !== JSON.stringify({ ok: false, error: expected }))
          problems.push(`${name} as ${caller}: expected ${expected}, got ${JSON.stringify(result)}`);
        if (changed.length > 0) problems.push(`${name} as ${caller}: changed ${changed.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(6);
    // Two callers × every action that names a record: beyond the 30 s default on a loaded two-core machine.
  }, 120_000);
});

describe("public server functions", () => {
  it("refuse an anonymous caller with a made-up input and write nothing", async () => {
    const problems: string[] = [];
    for (const entry of found.filter((candidate) => !candidate.registeredName)) {
      const rule = PUBLIC_ACTIONS[`${entry.file}#${entry.exportName}`];
      if (!rule || rule.anonymous === "NOT_CALLED") continue;
      signOut();
      const before = await snapshot();
      const result = (await entry.fn(rule.input)) as { ok: boolean; error?: string };
      const changed = changedTables(before, await snapshot());
      const label = `${entry.file}#${entry.exportName}`;
      if (result.ok) problems.push(`${label}: succeeded for an anonymous caller with a made-up input`);
      if (rule.anonymous === "UNAUTHENTICATED" && result.error !== "UNAUTHENTICATED")
        problems.push(`${label}: expected UNAUTHENTICATED, got ${JSON.stringify(result)}`);
      if (changed.length > 0) problems.push(`${label}: changed ${changed.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
});
