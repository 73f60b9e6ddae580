/**
 * The demo's respondents, consent, interviews, focus groups and excerpts as rows, built with the
 * test factories (nothing is written here).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildExcerpt, buildFocusGroup, buildInterview } from "@/tests/factories/fieldwork";
import { day, newId } from "@/tests/factories/ids";
import { buildConsent, buildConsentScopes, buildRespondent } from "@/tests/factories/respondents";
import { EXCERPTS, FOCUS_GROUPS, INTERVIEWS } from "./fieldwork-data";
import { RESPONDENTS } from "./respondents-data";
import { lookup, placeLabel, type SetupRows } from "./setup-rows";

export type DemoStaffIds = { lead: string; evaluator: string };

export function buildFieldworkRows(setup: SetupRows, staff: DemoStaffIds) {
  const evaluationId = setup.evaluation.id;
  const { refs } = setup;
  const placeId = (place: { state: string; municipality?: string }) =>
    lookup(refs.placeByLabel, placeLabel(place.state, place.municipality), "place").id;

  const respondents = RESPONDENTS.map((spec) =>
    buildRespondent({
      evaluationId,
      codeNumber: spec.codeNumber,
      type: spec.type,
      gender: spec.gender,
      state: spec.state,
      placeId: placeId({ state: spec.state, municipality: spec.municipality }),
      sectorId: spec.sector ? lookup(refs.sectorByKey, spec.sector, "sector").id : null,
      language: spec.language,
      excludedAt:
        spec.consent.withdrawn && spec.consent.withdrawn.choice !== "STOP" ? day(spec.consent.withdrawn.on) : null,
    }),
  );
  const respondentByNumber = new Map(respondents.map((row) => [row.codeNumber, row]));
  const respondentAtRiskGroups = RESPONDENTS.flatMap((spec) =>
    spec.atRiskGroups.map((code) => ({
      evaluationId,
      respondentId: lookup(respondentByNumber, spec.codeNumber, "respondent").id,
      groupId: lookup(refs.atRiskGroupByCode, code, "at-risk group").id,
    })),
  );

  const consents = RESPONDENTS.map((spec) =>
    buildConsent({
      evaluationId,
      respondentId: lookup(respondentByNumber, spec.codeNumber, "respondent").id,
      recordedById: staff.evaluator,
      givenOn: day(spec.consent.givenOn),
      method: spec.consent.method,
      formVersion: "2024-05 v2",
      language: spec.consent.language,
      withdrawnOn: spec.consent.withdrawn ? day(spec.consent.withdrawn.on) : null,
      withdrawalChoice: spec.consent.withdrawn?.choice ?? null,
      withdrawalNote: spec.consent.withdrawn?.note ?? null,
    }),
  );
  const consentScopes = consents.flatMap((consent, index) =>
    buildConsentScopes(consent, RESPONDENTS[index]!.consent.refused),
  );

  const respondentId = (codeNumber: number) => lookup(respondentByNumber, codeNumber, "respondent").id;
  const projectId = (acronym: string) => lookup(refs.projectByAcronym, acronym, "project").id;
  const translated = (translation?: string) =>
    translation ? { transcriptTranslation: translation, translatedById: staff.lead } : {};

  const interviews = INTERVIEWS.map((spec) => ({
    spec,
    row: buildInterview({
      evaluationId,
      date: day(spec.date),
      mode: spec.mode,
      placeId: placeId(spec.place),
      language: "es",
      durationMinutes: spec.durationMinutes,
      notes: spec.notes,
      transcriptOriginal: spec.transcript,
      ...translated(spec.translation),
    }),
  }));
  const focusGroups = FOCUS_GROUPS.map((spec) => ({
    spec,
    row: buildFocusGroup({
      evaluationId,
      date: day(spec.date),
      placeId: placeId(spec.place),
      topic: spec.topic,
      language: "es",
      anonymousParticipantCount: spec.anonymousParticipantCount,
      notes: spec.notes,
      transcriptOriginal: spec.transcript,
      ...translated(spec.translation),
    }),
  }));

  const interviewInterviewers: Prisma.InterviewInterviewerCreateManyInput[] = [];
  const interviewRespondents: Prisma.InterviewRespondentCreateManyInput[] = [];
  const interviewProjects: Prisma.InterviewProjectCreateManyInput[] = [];
  for (const { spec, row } of interviews) {
    const base = () => ({ id: newId(), evaluationId, interviewId: row.id });
    for (const who of spec.interviewers) interviewInterviewers.push({ ...base(), userId: staff[who] });
    for (const n of spec.respondents) interviewRespondents.push({ ...base(), respondentId: respondentId(n) });
    for (const acronym of spec.projects) interviewProjects.push({ ...base(), projectId: projectId(acronym) });
  }
  const focusGroupFacilitators: Prisma.FocusGroupFacilitatorCreateManyInput[] = [];
  const focusGroupParticipants: Prisma.FocusGroupParticipantCreateManyInput[] = [];
  const focusGroupProjects: Prisma.FocusGroupProjectCreateManyInput[] = [];
  for (const { spec, row } of focusGroups) {
    const base = () => ({ id: newId(), evaluationId, focusGroupId: row.id });
    for (const who of spec.facilitators) focusGroupFacilitators.push({ ...base(), userId: staff[who] });
    for (const n of spec.participants) focusGroupParticipants.push({ ...base(), respondentId: respondentId(n) });
    for (const acronym of spec.projects) focusGroupProjects.push({ ...base(), projectId: projectId(acronym) });
  }

  const interviewByKey = new Map(interviews.map(({ spec, row }) => [spec.key, row]));
  const focusGroupByKey = new Map(focusGroups.map(({ spec, row }) => [spec.key, row]));
  const excerpts = EXCERPTS.map((spec) => {
    const interview = interviewByKey.get(spec.source);
    const focusGroup = focusGroupByKey.get(spec.source);
    const source = interview ?? focusGroup;
    if (!source) throw new Error(`Demo data: excerpt ${spec.key} names an unknown source "${spec.source}"`);
    const transcript = spec.variant === "ORIGINAL" ? source.transcriptOriginal : source.transcriptTranslation;
    if (!transcript) throw new Error(`Demo data: excerpt ${spec.key} points into a missing ${spec.variant} transcript`);
    const common = {
      evaluationId,
      createdById: staff.evaluator,
      transcript,
      quote: spec.quote,
      variant: spec.variant,
      note: spec.note ?? null,
    };
    const row = interview
      ? buildExcerpt({ ...common, interviewId: interview.id })
      : buildExcerpt({ ...common, focusGroupId: source.id });
    return { key: spec.key, row };
  });

  return {
    respondents,
    respondentAtRiskGroups,
    consents,
    consentScopes,
    interviews: interviews.map(({ row }) => row),
    interviewInterviewers,
    interviewRespondents,
    interviewProjects,
    focusGroups: focusGroups.map(({ row }) => row),
    focusGroupFacilitators,
    focusGroupParticipants,
    focusGroupProjects,
    excerpts: excerpts.map(({ row }) => row),
    refs: {
      respondentByNumber,
      interviewByKey,
      focusGroupByKey,
      excerptByKey: new Map(excerpts.map(({ key, row }) => [key, row])),
    },
  };
}

export type FieldworkRows = ReturnType<typeof buildFieldworkRows>;
