/**
 * Writing one chunk of valid rows inside the commit's transaction, as the forms would write them:
 * respondents get the next codes under the same per-evaluation lock as the form, their identity
 * sealed exactly as the form seals it and the consent of their submission, if any; interviews get
 * their links; stories their child rows, a first revision and their code. Each created record gets
 * the audit event its form writes (plus the batch id), appended to the chain in one insert.
 * Projects go through the project form's own mutation, one by one (a portfolio is a few dozen).
 */
import { recordAuditEvents, type AuditInput } from "@/lib/audit";
import type { KeyRing } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transcriptFingerprint } from "@/lib/excerpts/fingerprint";
import { createProjectInTransaction } from "@/lib/projects/mutations";
import type { ProjectFields } from "@/lib/projects/schema";
import { CONSENT_SCOPES, IDENTITY_FIELDS } from "@/lib/respondents/constants";
import { respondentCode } from "@/lib/respondents/policy";
import { fromBytes, identityParts, sealIdentity } from "@/lib/respondents/sealing";
import { checkReferences as checkStoryReferences, writeStoryChildren } from "@/lib/stories/children-mutations";
import { loadStorySnapshot } from "@/lib/stories/data";
import { storyCodeOf } from "@/lib/stories/mutations";
import { storedPeriod } from "@/lib/stories/period";
import type { InterviewInput } from "@/lib/interviews/schema";
import { Refusal } from "@/lib/core/refusal";
import type { StoryFields } from "@/lib/stories/schema";
import { newRecordId } from "./record-ids";
import {
  insertConsents,
  insertConsentScopes,
  insertIdentities,
  insertRespondentGroups,
  insertRespondents,
  type ConsentRow,
  type ConsentScopeRow,
  type IdentityRow,
  type RespondentGroupRow,
  type RespondentRow,
} from "./bulk-insert";
import type { RespondentRowInput } from "./rows";

type Tx = Prisma.TransactionClient;
export type WriteContext = { tx: Tx; evaluationId: string; actorId: string; ipAddress: string | null; batchId: string; ring: KeyRing };
export type Keyed<T> = { key: string; input: T };
type Created = { key: string; recordId: string };

async function nextNumber(tx: Tx, lock: string, max: () => Promise<number | null>): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`;
  return ((await max()) ?? 0) + 1;
}

export async function writeRespondents(ctx: WriteContext, rows: Array<Keyed<RespondentRowInput>>): Promise<Created[]> {
  const { tx, evaluationId } = ctx;
  // One block of codes for the chunk, under the form's own lock (held to the end of the commit).
  let number = await nextNumber(tx, `respondent-code:${evaluationId}`, async () => (await tx.respondent.aggregate({ where: { evaluationId }, _max: { codeNumber: true } }))._max.codeNumber);
  const respondents: RespondentRow[] = [];
  const groups: RespondentGroupRow[] = [];
  const identities: IdentityRow[] = [];
  const consents: ConsentRow[] = [];
  const scopes: ConsentScopeRow[] = [];
  const events: AuditInput[] = [];
  const created: Created[] = [];
  for (const { key, input } of rows) {
    const id = newRecordId();
    const codeNumber = number++;
    const code = respondentCode(codeNumber);
    const row = {
      type: input.type,
      gender: input.gender,
      countryCode: input.countryCode,
      state: input.state,
      placeId: input.placeId,
      sectorId: input.sectorId,
      language: input.language,
    };
    respondents.push({ id, code, codeNumber, ...row });
    // Already checked against the evaluation's groups and put in the list's order by the row conversion.
    const atRiskGroupIds = input.atRiskGroupIds;
    groups.push(...atRiskGroupIds.map((groupId) => ({ respondentId: id, groupId })));
    const identity = { name: input.name, phone: input.phone, email: input.email, community: input.community };
    const parts = identityParts(identity);
    const identityFields = IDENTITY_FIELDS.filter((field) => parts[field] !== null);
    if (identityFields.length > 0) {
      const sealed = sealIdentity(id, identity, ctx.ring);
      const text = (bytes: Uint8Array | null) => (bytes === null ? null : fromBytes(bytes));
      identities.push({ id: newRecordId(), respondentId: id, name: text(sealed.nameCiphertext), contact: text(sealed.contactCiphertext), community: text(sealed.communityCiphertext), keyId: sealed.keyId });
    }
    events.push({ evaluationId, actorId: ctx.actorId, ipAddress: ctx.ipAddress, action: "respondent.create", recordType: "Respondent", recordId: id, after: { code, ...row, atRiskGroupIds, identityFields, importBatchId: ctx.batchId } });
    if (input.consent) {
      // A new respondent has no earlier consent and no withdrawal, so nothing can refuse this one
      // (consentRefusal); it is written as recordConsent writes it, by the importing user.
      const consent = input.consent;
      const consentId = newRecordId();
      consents.push({ id: consentId, respondentId: id, givenOn: consent.givenOn, method: consent.method, formVersion: consent.formVersion, language: consent.language, recordedById: ctx.actorId });
      scopes.push(...CONSENT_SCOPES.map((scope) => ({ id: newRecordId(), consentId, scope, granted: consent.scopes[scope] })));
      events.push({
        evaluationId,
        actorId: ctx.actorId,
        ipAddress: ctx.ipAddress,
        action: "consent.record",
        recordType: "Respondent",
        recordId: id,
        after: { code, consentId, givenOn: consent.givenOn, method: consent.method, formVersion: consent.formVersion, language: consent.language, scopes: consent.scopes, importBatchId: ctx.batchId },
      });
    }
    created.push({ key, recordId: id });
  }
  await insertRespondents(tx, evaluationId, respondents);
  await insertRespondentGroups(tx, evaluationId, groups);
  await insertIdentities(tx, evaluationId, identities);
  await insertConsents(tx, evaluationId, consents);
  await insertConsentScopes(tx, evaluationId, scopes);
  await recordAuditEvents(tx, events);
  return created;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export async function writeInterviews(ctx: WriteContext, rows: Array<Keyed<InterviewInput>>): Promise<Created[]> {
  const { tx, evaluationId } = ctx;
  const interviews: Prisma.InterviewCreateManyInput[] = [];
  const interviewers: Prisma.InterviewInterviewerCreateManyInput[] = [];
  const respondents: Prisma.InterviewRespondentCreateManyInput[] = [];
  const projects: Prisma.InterviewProjectCreateManyInput[] = [];
  const events: AuditInput[] = [];
  const created: Created[] = [];
  for (const { key, input } of rows) {
    const id = newRecordId();
    interviews.push({
      id,
      evaluationId,
      date: day(input.date),
      mode: input.mode,
      placeId: input.placeId,
      language: input.language,
      durationMinutes: input.durationMinutes,
      notes: input.notes,
      transcriptOriginal: input.transcriptOriginal,
      transcriptLanguage: input.transcriptLanguage,
    });
    const base = { evaluationId, interviewId: id };
    interviewers.push(...input.interviewerIds.map((userId) => ({ ...base, userId })));
    respondents.push(...input.respondentIds.map((respondentId) => ({ ...base, respondentId })));
    projects.push(...input.projectIds.map((projectId) => ({ ...base, projectId })));
    events.push({
      evaluationId,
      actorId: ctx.actorId,
      ipAddress: ctx.ipAddress,
      action: "interview.create",
      recordType: "Interview",
      recordId: id,
      after: {
        date: input.date,
        mode: input.mode,
        placeId: input.placeId,
        language: input.language,
        durationMinutes: input.durationMinutes,
        notes: transcriptFingerprint(input.notes),
        transcriptOriginal: transcriptFingerprint(input.transcriptOriginal),
        transcriptLanguage: input.transcriptLanguage,
        interviewerIds: [...input.interviewerIds].sort(),
        respondentIds: [...input.respondentIds].sort(),
        projectIds: [...input.projectIds].sort(),
        importBatchId: ctx.batchId,
      },
    });
    created.push({ key, recordId: id });
  }
  await tx.interview.createMany({ data: interviews });
  if (interviewers.length) await tx.interviewInterviewer.createMany({ data: interviewers });
  if (respondents.length) await tx.interviewRespondent.createMany({ data: respondents });
  if (projects.length) await tx.interviewProject.createMany({ data: projects });
  await recordAuditEvents(tx, events);
  return created;
}

/**
 * Stories go in one by one (child rows and the revision's snapshot are built by the story code
 * itself, so an imported story is indistinguishable from a typed one); their audit events in one go.
 */
export async function writeStories(ctx: WriteContext, rows: Array<Keyed<StoryFields>>): Promise<Created[]> {
  const { tx, evaluationId, actorId } = ctx;
  let number = await nextNumber(tx, `story-code:${evaluationId}`, async () => (await tx.changeStory.aggregate({ where: { evaluationId }, _max: { codeNumber: true } }))._max.codeNumber);
  const events: AuditInput[] = [];
  const created: Created[] = [];
  const now = new Date();
  for (const { key, input } of rows) {
    await checkStoryReferences(tx, evaluationId, input, null);
    const period = storedPeriod(input.periodPrecision, input.periodFrom, input.periodTo);
    if (!period.ok) throw new Error("period checked by the schema");
    const codeNumber = number++;
    const story = await tx.changeStory.create({
      data: {
        evaluationId,
        codeNumber,
        code: storyCodeOf(codeNumber),
        title: input.title,
        whatChanged: input.whatChanged,
        whySignificant: input.whySignificant,
        originalLanguage: input.originalLanguage,
        collectedById: input.collectedById,
        changeType: input.changeType,
        periodPrecision: input.periodPrecision,
        periodFrom: period.from ? day(period.from) : null,
        periodTo: period.to ? day(period.to) : null,
        contributionNarrative: input.contributionNarrative,
        authorId: actorId,
        stage: "DRAFT",
        stageChangedAt: now,
        version: 1,
      },
      select: { id: true },
    });
    await writeStoryChildren(tx, evaluationId, story.id, input, true);
    const snapshot = await loadStorySnapshot(tx, evaluationId, story.id);
    await tx.storyRevision.create({ data: { evaluationId, storyId: story.id, version: 1, snapshot: snapshot as Prisma.InputJsonObject, editedById: actorId } });
    events.push({ evaluationId, actorId, ipAddress: ctx.ipAddress, action: "story.create", recordType: "ChangeStory", recordId: story.id, after: { ...snapshot, stage: "DRAFT", version: 1, importBatchId: ctx.batchId } });
    created.push({ key, recordId: story.id });
  }
  await recordAuditEvents(tx, events);
  return created;
}

/**
 * Through the form's mutation, so an imported project gets the same checks, keys and audit event
 * (plus the batch id). The scan has already refused every clash it could see; a project typed in
 * the form meanwhile is the only one left, and is answered as the form's race is: CONFLICT.
 */
export async function writeProjects(ctx: WriteContext, rows: Array<Keyed<ProjectFields>>): Promise<Created[]> {
  const created: Created[] = [];
  for (const { key, input } of rows) {
    try {
      const { projectId } = await createProjectInTransaction(ctx.tx, { evaluationId: ctx.evaluationId, project: input, actorId: ctx.actorId, ipAddress: ctx.ipAddress, importBatchId: ctx.batchId });
      created.push({ key, recordId: projectId });
    } catch (error) {
      if (error instanceof Refusal) throw new AppError("CONFLICT", `project import: ${error.reason}`);
      throw error;
    }
  }
  return created;
}
