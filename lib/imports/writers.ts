/**
 * Writing one chunk of valid rows inside the commit's transaction, as the forms would write them:
 * respondents get the next codes under the same per-evaluation lock as the form, their identity
 * sealed exactly as the form seals it and the consent of their submission, if any; interviews get
 * their links; stories their child rows, a first revision and their code. Each created record gets
 * the audit event its form writes (plus the batch id), appended to the chain in one insert.
 * Projects go through the project form's own mutation, one by one (a portfolio is a few dozen).
 */
import { recordAuditEvents, type AuditInput } from "@/lib/audit";
import { utcMidnight } from "@/lib/core/calendar-day";
import type { KeyRing } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transcriptFingerprint } from "@/lib/excerpts/fingerprint";
import { createProjectInTransaction } from "@/lib/projects/mutations";
import type { ProjectFields } from "@/lib/projects/schema";
import { CONSENT_SCOPES, IDENTITY_FIELDS } from "@/lib/respondents/constants";
import { respondentCode } from "@/lib/respondents/policy";
import { fromBytes, identityParts, sealIdentity } from "@/lib/respondents/sealing";
import { assignDomainsInTransaction } from "@/lib/domains/mutations";
import { insertStories } from "@/lib/stories/creation-mutations";
import type { InterviewInput } from "@/lib/interviews/schema";
import { Refusal } from "@/lib/core/refusal";
import type { StoryFields } from "@/lib/stories/schema";
import type { StoryDomains } from "./story-rows";
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
export type WriteContext = {
  tx: Tx;
  evaluationId: string;
  actorId: string;
  ipAddress: string | null;
  batchId: string;
  ring: KeyRing;
};
export type Keyed<T> = { key: string; input: T };
export type StoryRow = { story: StoryFields; domains: StoryDomains };
type Created = { key: string; recordId: string };

async function nextNumber(tx: Tx, lock: string, max: () => Promise<number | null>): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`;
  return ((await max()) ?? 0) + 1;
}

export async function writeRespondents(ctx: WriteContext, rows: Array<Keyed<RespondentRowInput>>): Promise<Created[]> {
  const { tx, evaluationId } = ctx;
  // One block of codes for the chunk, under the form's own lock (held to the end of the commit).
  let number = await nextNumber(
    tx,
    `respondent-code:${evaluationId}`,
    async () =>
      (await tx.respondent.aggregate({ where: { evaluationId }, _max: { codeNumber: true } }))._max.codeNumber,
  );
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
      identities.push({
        id: newRecordId(),
        respondentId: id,
        name: text(sealed.nameCiphertext),
        contact: text(sealed.contactCiphertext),
        community: text(sealed.communityCiphertext),
        keyId: sealed.keyId,
      });
    }
    events.push({
      evaluationId,
      actorId: ctx.actorId,
      ipAddress: ctx.ipAddress,
      action: "respondent.create",
      recordType: "Respondent",
      recordId: id,
      after: { code, ...row, atRiskGroupIds, identityFields, importBatchId: ctx.batchId },
    });
    if (input.consent) {
      // A new respondent has no earlier consent and no withdrawal, so nothing can refuse this one
      // (consentRefusal); it is written as recordConsent writes it, by the importing user.
      const consent = input.consent;
      const consentId = newRecordId();
      consents.push({
        id: consentId,
        respondentId: id,
        givenOn: consent.givenOn,
        method: consent.method,
        formVersion: consent.formVersion,
        language: consent.language,
        recordedById: ctx.actorId,
      });
      scopes.push(
        ...CONSENT_SCOPES.map((scope) => ({ id: newRecordId(), consentId, scope, granted: consent.scopes[scope] })),
      );
      events.push({
        evaluationId,
        actorId: ctx.actorId,
        ipAddress: ctx.ipAddress,
        action: "consent.record",
        recordType: "Respondent",
        recordId: id,
        after: {
          code,
          consentId,
          givenOn: consent.givenOn,
          method: consent.method,
          formVersion: consent.formVersion,
          language: consent.language,
          scopes: consent.scopes,
          importBatchId: ctx.batchId,
        },
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
      date: utcMidnight(input.date),
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
 * Stories go in a chunk at a time through the story form's own creation (insertStories: the same
 * reference checks, rows, first revision and code, one insert per table for the chunk), each with
 * the "story.create" event the form writes plus the batch id, appended in one go; then the
 * domains each row assigns, through the domain form's own assignment (each with its event).
 */
export async function writeStories(ctx: WriteContext, rows: Array<Keyed<StoryRow>>): Promise<Created[]> {
  const { tx, evaluationId, actorId } = ctx;
  const stories = await insertStories(tx, { actorId, evaluationId, stories: rows.map((row) => row.input.story) });
  await recordAuditEvents(
    tx,
    stories.map((story) => ({
      evaluationId,
      actorId,
      ipAddress: ctx.ipAddress,
      action: "story.create",
      recordType: "ChangeStory",
      recordId: story.storyId,
      after: { ...story.auditAfter, importBatchId: ctx.batchId },
    })),
  );
  // The primary first, then the secondaries, as the domain form would be used on a new story.
  const steps = rows.flatMap(({ input: { domains } }, index) => {
    const storyId = stories[index]!.storyId;
    const step = { storyId, rationale: domains.rationale, expectedPrimaryId: null };
    return [
      ...(domains.primaryId ? [{ ...step, domainId: domains.primaryId, kind: "PRIMARY" as const }] : []),
      ...domains.secondaryIds.map((domainId) => ({ ...step, domainId, kind: "SECONDARY" as const })),
    ];
  });
  await assignDomainsInTransaction(
    tx,
    { evaluationId, actorId, ipAddress: ctx.ipAddress, importBatchId: ctx.batchId },
    steps,
  );
  return stories.map((story, index) => ({ key: rows[index]!.key, recordId: story.storyId }));
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
      const { projectId } = await createProjectInTransaction(ctx.tx, {
        evaluationId: ctx.evaluationId,
        project: input,
        actorId: ctx.actorId,
        ipAddress: ctx.ipAddress,
        importBatchId: ctx.batchId,
      });
      created.push({ key, recordId: projectId });
    } catch (error) {
      if (error instanceof Refusal) throw new AppError("CONFLICT", `project import: ${error.reason}`);
      throw error;
    }
  }
  return created;
}
