/** What the project is built from: the evaluation's records as data.ts reads them (no identity field exists here). */
import type { ChangeType, Gender, RespondentType, TranscriptVariant } from "@/lib/generated/prisma/enums";
import type { ConsentWithScopes } from "@/lib/respondents/policy";

export type RecordTranscripts = {
  transcriptOriginal: string | null;
  transcriptTranslation: string | null;
  translationLanguage: string | null;
};

export type ProjectRecords = {
  evaluation: { id: string; name: string };
  domains: Array<{
    id: string;
    position: number;
    nameEn: string;
    nameEs: string;
    definitionEn: string | null;
    definitionEs: string | null;
  }>;
  atRiskGroups: Array<{ id: string; position: number; nameEn: string; nameEs: string }>;
  /** Pseudonymous rows only, with their consent forms: the identity table is never read. */
  respondents: Array<{
    id: string;
    code: string;
    codeNumber: number;
    type: RespondentType;
    gender: Gender;
    state: string;
    excludedAt: Date | null;
    consents: ConsentWithScopes[];
  }>;
  interviews: Array<RecordTranscripts & { id: string; date: Date; respondentIds: string[] }>;
  focusGroups: Array<RecordTranscripts & { id: string; date: Date; topic: string; participantIds: string[] }>;
  excerpts: Array<{
    id: string;
    interviewId: string | null;
    focusGroupId: string | null;
    variant: TranscriptVariant;
    startOffset: number;
    endOffset: number;
    quotedText: string;
  }>;
  stories: Array<{
    id: string;
    code: string;
    codeNumber: number;
    title: string;
    whatChanged: string;
    whySignificant: string;
    changeType: ChangeType;
    storytellerIds: string[];
    excerptIds: string[];
    /** Current domain assignments (primary and secondary). */
    domainIds: string[];
    atRiskGroupIds: string[];
  }>;
};
