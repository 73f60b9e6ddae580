/**
 * Consent and its withdrawal against a real database: each choice (stop, exclude, destroy) with
 * the rows it changes and the audit event it writes; a withdrawal is final; destroy erases the
 * identity and the person's own transcripts, removes or empties their excerpts, flags the stories
 * that rested only on them, and its audit event lists ids and counts, never content.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WithdrawalChoice } from "@/lib/generated/prisma/enums";
import {
  buildChangeStory,
  buildExcerpt,
  buildFocusGroup,
  buildInterview,
  buildRespondent,
  buildRespondentIdentity,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let team: EvaluationWithTeam;
let consents: typeof import("@/lib/respondents/consent-mutations");

const SECRET_TRANSCRIPT = "Mi patrón me amenazó cuando fui a la junta sindical del martes.";
const SECRET_TRANSLATION = "My boss threatened me when I went to the Tuesday union meeting.";
const SECRET_NAME = "Leocadia Prueba Inventada";

const scopes = {
  INTERVIEW: true,
  AUDIO_RECORDING: false,
  ANONYMOUS_QUOTATION: true,
  SHARE_WITH_FUNDER: true,
  CONTACT_FOR_VALIDATION: false,
};

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  consents = await import("@/lib/respondents/consent-mutations");
  team = await createEvaluationWithTeam(database.prisma);
});

afterAll(async () => {
  await database?.close();
});

const actor = () => ({ actorId: team.members.evaluator!.id, ipAddress: null });

async function respondentWithConsent(options: { identity?: boolean } = {}) {
  const respondent = buildRespondent({ evaluationId: team.evaluation.id });
  await database.prisma.respondent.create({ data: respondent });
  if (options.identity) {
    await database.prisma.respondentIdentity.create({
      data: buildRespondentIdentity({
        evaluationId: team.evaluation.id,
        respondentId: respondent.id,
        name: SECRET_NAME,
        email: "leo@ejemplo.invalid",
      }),
    });
  }
  const result = await consents.recordConsent(actor(), {
    evaluationId: team.evaluation.id,
    respondentId: respondent.id,
    givenOn: "2024-06-01",
    method: "WRITTEN",
    formVersion: "v2",
    language: "es",
    scopes,
  });
  if (!("consentId" in result)) throw new Error(`setup: ${result.rejected}`);
  return { respondentId: respondent.id, consentId: result.consentId };
}

function withdraw(respondentId: string, consentId: string, choice: WithdrawalChoice, withdrawnOn = "2024-11-15") {
  return consents.withdrawConsent(actor(), {
    evaluationId: team.evaluation.id,
    respondentId,
    consentId,
    withdrawnOn,
    choice,
    note: "Pidió por teléfono.",
  });
}

describe("recording consent", () => {
  it("writes the form, one row per scope, and the audit event", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    const row = await database.prisma.consent.findUniqueOrThrow({
      where: { id: consentId },
      include: { scopes: true },
    });
    expect(row).toMatchObject({
      respondentId,
      method: "WRITTEN",
      formVersion: "v2",
      recordedById: team.members.evaluator!.id,
      withdrawnOn: null,
    });
    expect(Object.fromEntries(row.scopes.map((scope) => [scope.scope, scope.granted]))).toEqual(scopes);
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "consent.record", recordId: respondentId },
    });
    expect(event.after).toMatchObject({ consentId, givenOn: "2024-06-01", scopes });
  });

  it("refuses a form dated before the current one", async () => {
    const { respondentId } = await respondentWithConsent();
    const older = await consents.recordConsent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId,
      givenOn: "2024-05-01",
      method: "WRITTEN",
      formVersion: "v1",
      language: "es",
      scopes,
    });
    expect(older).toEqual({ rejected: "CONSENT_OLDER", field: "givenOn" });
    expect(await database.prisma.consent.count({ where: { respondentId } })).toBe(1);
  });
});

describe("withdrawing consent", () => {
  it("STOP records the withdrawal and nothing else", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    expect(await withdraw(respondentId, consentId, "STOP")).toEqual({ choice: "STOP", destroyed: null });
    expect(await database.prisma.consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({
      withdrawalChoice: "STOP",
      withdrawnOn: new Date("2024-11-15T00:00:00Z"),
      withdrawalNote: "Pidió por teléfono.",
    });
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id: respondentId } })).toMatchObject({
      excludedAt: null,
      version: 1,
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "consent.withdraw", recordId: respondentId },
    });
    expect(event.after).toMatchObject({
      consentId,
      choice: "STOP",
      withdrawnOn: "2024-11-15",
      noteRecorded: true,
      excludedAt: null,
    });
    expect(JSON.stringify(event.after)).not.toContain("teléfono");
  });

  it("EXCLUDE sets excludedAt (and bumps the version) in the same transaction", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    await withdraw(respondentId, consentId, "EXCLUDE");
    const respondent = await database.prisma.respondent.findUniqueOrThrow({ where: { id: respondentId } });
    expect(respondent.excludedAt).toBeInstanceOf(Date);
    expect(respondent.version).toBe(2);
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "consent.withdraw", recordId: respondentId },
    });
    expect(event.after).toMatchObject({ choice: "EXCLUDE", excludedAt: respondent.excludedAt!.toISOString() });
  });

  it("cannot be undone: no second withdrawal, no newer consent", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    await withdraw(respondentId, consentId, "STOP");
    expect(await withdraw(respondentId, consentId, "DESTROY")).toEqual({
      rejected: "ALREADY_WITHDRAWN",
      field: undefined,
    });
    const again = await consents.recordConsent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId,
      givenOn: "2024-12-01",
      method: "WRITTEN",
      formVersion: "v3",
      language: "es",
      scopes,
    });
    expect(again).toEqual({ rejected: "CONSENT_WITHDRAWN", field: undefined });
    expect(await database.prisma.consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({
      withdrawalChoice: "STOP",
    });
    expect(
      await database.prisma.auditEvent.count({ where: { action: "consent.withdraw", recordId: respondentId } }),
    ).toBe(1);
  });

  it("two simultaneous withdrawals: exactly one is written", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    const results = await Promise.all([
      withdraw(respondentId, consentId, "EXCLUDE"),
      withdraw(respondentId, consentId, "STOP"),
    ]);
    expect(results.filter((result) => "choice" in result)).toHaveLength(1);
    expect(
      await database.prisma.auditEvent.count({ where: { action: "consent.withdraw", recordId: respondentId } }),
    ).toBe(1);
  });

  it("refuses a withdrawal dated before the consent, or of a consent that is no longer the current one", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    expect(await withdraw(respondentId, consentId, "STOP", "2024-05-01")).toEqual({
      rejected: "WITHDRAWAL_BEFORE_CONSENT",
      field: "withdrawnOn",
    });
    const newer = await consents.recordConsent(actor(), {
      evaluationId: team.evaluation.id,
      respondentId,
      givenOn: "2024-08-01",
      method: "WRITTEN",
      formVersion: "v3",
      language: "es",
      scopes,
    });
    expect("consentId" in newer).toBe(true);
    expect(await withdraw(respondentId, consentId, "STOP")).toEqual({
      rejected: "CONSENT_CHANGED",
      field: undefined,
    });
    expect(await database.prisma.consent.count({ where: { respondentId, withdrawnOn: { not: null } } })).toBe(0);
  });
});

describe("DESTROY", () => {
  it("erases identity and the person's own transcripts, handles excerpts, flags stories, and audits ids and counts", async () => {
    const evaluationId = team.evaluation.id;
    const authorId = team.members.evaluator!.id;
    const { respondentId: target, consentId } = await respondentWithConsent({ identity: true });
    const bystander = buildRespondent({ evaluationId });
    await database.prisma.respondent.create({ data: bystander });

    const alone = buildInterview({
      evaluationId,
      transcriptOriginal: SECRET_TRANSCRIPT,
      transcriptTranslation: SECRET_TRANSLATION,
      notes: "Notas del encuentro.",
      translatedById: authorId,
    });
    const shared = buildInterview({ evaluationId, transcriptOriginal: `Entrevista conjunta. ${SECRET_TRANSCRIPT}` });
    const ownGroup = buildFocusGroup({ evaluationId, transcriptOriginal: SECRET_TRANSCRIPT });
    const crowdedGroup = buildFocusGroup({
      evaluationId,
      transcriptOriginal: SECRET_TRANSCRIPT,
      anonymousParticipantCount: 3,
    });
    await database.prisma.interview.createMany({ data: [alone, shared] });
    await database.prisma.focusGroup.createMany({ data: [ownGroup, crowdedGroup] });
    const link = (rows: Array<[string, string]>) =>
      rows.map(([interviewId, respondentId]) => ({ id: newId(), evaluationId, interviewId, respondentId }));
    await database.prisma.interviewRespondent.createMany({
      data: link([
        [alone.id, target],
        [shared.id, target],
        [shared.id, bystander.id],
      ]),
    });
    await database.prisma.focusGroupParticipant.createMany({
      data: [ownGroup.id, crowdedGroup.id].map((focusGroupId) => ({
        id: newId(),
        evaluationId,
        focusGroupId,
        respondentId: target,
      })),
    });

    const excerpt = (quote: string) =>
      buildExcerpt({
        evaluationId,
        createdById: authorId,
        interviewId: alone.id,
        transcript: SECRET_TRANSCRIPT,
        quote,
      });
    const loose = excerpt("me amenazó");
    const cited = excerpt("junta sindical");
    const otherExcerpt = buildExcerpt({
      evaluationId,
      createdById: authorId,
      interviewId: shared.id,
      transcript: shared.transcriptOriginal!,
      quote: "conjunta",
    });
    await database.prisma.transcriptExcerpt.createMany({ data: [loose, cited, otherExcerpt] });

    const [toldAlone, restsOnCited, toldTogether, mixedSources] = Array.from({ length: 4 }, () =>
      buildChangeStory({ evaluationId, authorId }),
    );
    await database.prisma.changeStory.createMany({ data: [toldAlone!, restsOnCited!, toldTogether!, mixedSources!] });
    const teller = (storyId: string, respondentId: string) => ({ id: newId(), evaluationId, storyId, respondentId });
    await database.prisma.storyTeller.createMany({
      data: [
        teller(toldAlone!.id, target),
        teller(restsOnCited!.id, bystander.id),
        teller(toldTogether!.id, target),
        teller(toldTogether!.id, bystander.id),
        teller(mixedSources!.id, bystander.id),
      ],
    });
    const source = (storyId: string, ref: { interviewId?: string; excerptId?: string }) => ({
      id: newId(),
      evaluationId,
      storyId,
      ...ref,
    });
    await database.prisma.storySource.createMany({
      data: [
        source(restsOnCited!.id, { excerptId: cited.id }),
        source(toldTogether!.id, { interviewId: shared.id }),
        source(mixedSources!.id, { interviewId: alone.id }),
        source(mixedSources!.id, { excerptId: otherExcerpt.id }),
      ],
    });

    const outcome = await withdraw(target, consentId, "DESTROY");
    const expected = {
      identityDestroyed: true,
      interviewIds: [alone.id],
      focusGroupIds: [ownGroup.id],
      excerptsDeleted: [loose.id],
      excerptsEmptied: [cited.id],
      storiesFlagged: [toldAlone!.id, restsOnCited!.id].sort(),
    };
    expect(outcome).toEqual({ choice: "DESTROY", destroyed: expected });

    const identity = await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId: target } });
    expect(identity).toMatchObject({ nameCiphertext: null, contactCiphertext: null, communityCiphertext: null });
    expect(identity.destroyedAt).toBeInstanceOf(Date);
    expect(await database.prisma.respondent.findUniqueOrThrow({ where: { id: target } })).toMatchObject({
      version: 2,
      code: expect.stringMatching(/^R-/),
    });

    expect(await database.prisma.interview.findUniqueOrThrow({ where: { id: alone.id } })).toMatchObject({
      transcriptOriginal: null,
      transcriptTranslation: null,
      translationLanguage: null,
      translatedById: null,
      notes: null,
      version: 2,
    });
    expect(await database.prisma.interview.findUniqueOrThrow({ where: { id: shared.id } })).toMatchObject({
      transcriptOriginal: shared.transcriptOriginal,
      version: 1,
    });
    expect(await database.prisma.focusGroup.findUniqueOrThrow({ where: { id: ownGroup.id } })).toMatchObject({
      transcriptOriginal: null,
      version: 2,
    });
    expect(await database.prisma.focusGroup.findUniqueOrThrow({ where: { id: crowdedGroup.id } })).toMatchObject({
      transcriptOriginal: SECRET_TRANSCRIPT,
    });
    // The search index forgets the erased words too (the trigger recomputes the vector).
    const searchable = await database.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM interview WHERE evaluation_id = ${evaluationId} AND search_vector @@ plainto_tsquery('msc_es', 'amenazó')`;
    expect(searchable.map((row) => row.id)).toEqual([shared.id]);

    expect(await database.prisma.transcriptExcerpt.findUnique({ where: { id: loose.id } })).toBeNull();
    expect(await database.prisma.transcriptExcerpt.findUniqueOrThrow({ where: { id: cited.id } })).toMatchObject({
      quotedText: "",
    });
    expect(await database.prisma.transcriptExcerpt.findUniqueOrThrow({ where: { id: otherExcerpt.id } })).toMatchObject(
      { quotedText: "conjunta" },
    );

    const flags = await database.prisma.changeStory.findMany({
      where: { evaluationId },
      select: { id: true, flaggedSourceDestroyedAt: true, version: true },
    });
    const flagged = flags
      .filter((story) => story.flaggedSourceDestroyedAt)
      .map((story) => story.id)
      .sort();
    expect(flagged).toEqual(expected.storiesFlagged);
    expect(flags.every((story) => story.version === 1)).toBe(true);

    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "consent.withdraw", recordId: target },
    });
    expect(event.after).toMatchObject({
      choice: "DESTROY",
      erased: {
        ...expected,
        counts: { interviews: 1, focusGroups: 1, excerptsDeleted: 1, excerptsEmptied: 1, storiesFlagged: 2 },
      },
    });
    const text = JSON.stringify({ before: event.before, after: event.after });
    for (const secret of [SECRET_NAME, "amenazó", "threatened", "junta sindical", "leo@"])
      expect(text).not.toContain(secret);

    // Final: the identity cannot come back.
    const { updateIdentity } = await import("@/lib/respondents/identity-mutations");
    const refill = await updateIdentity(actor(), {
      evaluationId,
      respondentId: target,
      version: 2,
      identity: { name: SECRET_NAME, phone: null, email: null, community: null },
    });
    expect(refill).toEqual({ rejected: "IDENTITY_DESTROYED", field: undefined });
  });

  it("leaves a tombstone when there was no identity, so none can be added later", async () => {
    const { respondentId, consentId } = await respondentWithConsent();
    const outcome = await withdraw(respondentId, consentId, "DESTROY");
    expect(outcome).toMatchObject({ destroyed: { interviewIds: [], focusGroupIds: [], storiesFlagged: [] } });
    const identity = await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId } });
    expect(identity).toMatchObject({ nameCiphertext: null, keyId: "none" });
    expect(identity.destroyedAt).toBeInstanceOf(Date);
  });

  it("writes nothing at all when any step fails (one transaction)", async () => {
    const { respondentId, consentId } = await respondentWithConsent({ identity: true });
    const eventsBefore = await database.prisma.auditEvent.count({ where: { evaluationId: team.evaluation.id } });
    // A consent id of another respondent: refused before anything is written, and nothing is.
    const other = await respondentWithConsent();
    const eventsAfterSetup = await database.prisma.auditEvent.count({ where: { evaluationId: team.evaluation.id } });
    expect(eventsAfterSetup).toBe(eventsBefore + 1);
    expect(await withdraw(respondentId, other.consentId, "DESTROY")).toEqual({
      rejected: "CONSENT_CHANGED",
      field: undefined,
    });
    expect(await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId } })).toMatchObject({
      destroyedAt: null,
    });
    expect(await database.prisma.consent.findUniqueOrThrow({ where: { id: consentId } })).toMatchObject({
      withdrawnOn: null,
    });
    expect(await database.prisma.consent.findUniqueOrThrow({ where: { id: other.consentId } })).toMatchObject({
      withdrawnOn: null,
    });
    expect(await database.prisma.auditEvent.count({ where: { evaluationId: team.evaluation.id } })).toBe(
      eventsAfterSetup,
    );
  });
});
