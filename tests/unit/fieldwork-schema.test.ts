import { describe, expect, it } from "vitest";
import { excerptCreateSchema } from "@/lib/excerpts/schema";
import { MAX_TRANSCRIPT_LENGTH } from "@/lib/excerpts/transcript";
import { focusGroupInputSchema, focusGroupUpdateSchema } from "@/lib/focus-groups/schema";
import { interviewInputSchema, interviewUpdateSchema } from "@/lib/interviews/schema";

const interview = {
  evaluationId: "ceval",
  date: "2024-06-12",
  mode: "PHONE",
  placeId: "",
  language: "ES",
  durationMinutes: "90",
  interviewerIds: ["cuser1"],
  respondentIds: ["cresp1"],
  projectIds: [],
  notes: "  Notas  ",
  transcriptOriginal: "Hola\r\nmundo",
  transcriptLanguage: "es",
  transcriptTranslation: "",
  translationLanguage: "en",
  translatedById: "cuser1",
};

function issues(
  schema: {
    safeParse(value: unknown): {
      success: boolean;
      error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
    };
  },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error!.issues.map((issue) => `${issue.path.map(String).join(".")}:${issue.message}`);
}

describe("the interview schema", () => {
  it("normalises what a form sends", () => {
    expect(interviewInputSchema.parse(interview)).toEqual({
      evaluationId: "ceval",
      date: "2024-06-12",
      mode: "PHONE",
      placeId: null,
      language: "es",
      durationMinutes: 90,
      interviewerIds: ["cuser1"],
      respondentIds: ["cresp1"],
      projectIds: [],
      notes: "Notas",
      transcriptOriginal: "Hola\nmundo",
      transcriptLanguage: "es",
      // No translation: its language and translator are dropped with it.
      transcriptTranslation: null,
      translationLanguage: null,
      translatedById: null,
    });
  });

  it("counts the transcript limit in UTF-16 code units, after line breaks are normalised", () => {
    expect(
      interviewInputSchema.safeParse({ ...interview, transcriptOriginal: "a".repeat(MAX_TRANSCRIPT_LENGTH) }).success,
    ).toBe(true);
    expect(
      issues(interviewInputSchema, { ...interview, transcriptOriginal: "a".repeat(MAX_TRANSCRIPT_LENGTH + 1) }),
    ).toEqual(["transcriptOriginal:errors.transcriptTooLong"]);
    // 250,000 emoji are 500,000 code units: at the limit. One more is over.
    expect(interviewInputSchema.safeParse({ ...interview, transcriptOriginal: "😀".repeat(250_000) }).success).toBe(
      true,
    );
    expect(
      interviewInputSchema.safeParse({ ...interview, transcriptOriginal: `${"😀".repeat(250_000)}a` }).success,
    ).toBe(false);
    // "\r\n" counts once, as stored.
    expect(interviewInputSchema.safeParse({ ...interview, transcriptOriginal: "a\r\n".repeat(250_000) }).success).toBe(
      true,
    );
  });

  it.each([
    [{ date: "2024-13-01" }, "date:errors.invalidDate"],
    [{ date: "12/06/2024" }, "date:errors.invalidDate"],
    [{ date: "1900-01-01" }, "date:errors.invalidDate"],
    [{ mode: "in_person" }, "mode:errors.invalidChoice"],
    [{ language: "<script>" }, "language:errors.invalidLanguage"],
    [{ durationMinutes: "1441" }, "durationMinutes:errors.durationRange"],
    [{ durationMinutes: "1.5" }, "durationMinutes:errors.durationRange"],
    [{ interviewerIds: "cuser1" }, "interviewerIds:errors.invalid"],
    [{ respondentIds: [{ contains: "" }] }, "respondentIds.0:errors.invalid"],
    [{ respondentIds: ["'; DROP TABLE respondent;--"] }, "respondentIds.0:errors.invalid"],
    [{ projectIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }, "projectIds:errors.tooMany"],
    [
      { transcriptOriginal: "", transcriptTranslation: "Hello" },
      "transcriptTranslation:errors.translationWithoutOriginal",
    ],
  ])("refuses %j", (override, expected) => {
    expect(issues(interviewInputSchema, { ...interview, ...override })).toContain(expected);
  });

  it("keeps hostile text as typed (it is data, rendered as text)", () => {
    const hostile = `=HYPERLINK("http://evil.example") <img src=x onerror=alert(1)> \u202E\u200F`;
    expect(interviewInputSchema.parse({ ...interview, notes: hostile, transcriptOriginal: hostile })).toMatchObject({
      notes: hostile,
      transcriptOriginal: hostile,
    });
  });

  it("needs the record and the version to update", () => {
    expect(issues(interviewUpdateSchema, interview)).toEqual(
      expect.arrayContaining(["interviewId:errors.invalid", "version:errors.invalid"]),
    );
    expect(interviewUpdateSchema.parse({ ...interview, interviewId: "cint", version: "3" })).toMatchObject({
      interviewId: "cint",
      version: 3,
    });
  });
});

describe("the focus-group schema", () => {
  const group = {
    evaluationId: "ceval",
    date: "2024-07-03",
    topic: "  Reparto de utilidades ",
    language: "es",
    facilitatorIds: ["cuser1"],
    participantIds: [],
    anonymousParticipantCount: "5",
    projectIds: [],
  };

  it("accepts a group of anonymous participants only, and trims the topic", () => {
    expect(focusGroupInputSchema.parse(group)).toMatchObject({
      topic: "Reparto de utilidades",
      anonymousParticipantCount: 5,
      participantIds: [],
    });
    expect(
      focusGroupInputSchema.parse({ ...group, anonymousParticipantCount: "", participantIds: ["cresp"] }),
    ).toMatchObject({ anonymousParticipantCount: 0 });
  });

  it.each([
    [{ anonymousParticipantCount: "-1" }, "anonymousParticipantCount:errors.headCountRange"],
    [{ anonymousParticipantCount: "10001" }, "anonymousParticipantCount:errors.headCountRange"],
    [{ anonymousParticipantCount: "0" }, "participantIds:errors.participantsRequired"],
    [{ topic: "x".repeat(501) }, "topic:errors.tooLong"],
    [{ facilitatorIds: [] }, "facilitatorIds:errors.facilitatorsRequired"],
    [{ participantIds: ["a", "a"] }, "participantIds:errors.duplicate"],
  ])("refuses %j", (override, expected) => {
    expect(issues(focusGroupInputSchema, { ...group, ...override })).toContain(expected);
  });

  it("needs the record and the version to update", () => {
    expect(focusGroupUpdateSchema.parse({ ...group, focusGroupId: "cfg", version: 2 })).toMatchObject({
      focusGroupId: "cfg",
      version: 2,
    });
  });
});

describe("the excerpt schema", () => {
  const excerpt = {
    evaluationId: "ceval",
    source: "INTERVIEW",
    sourceId: "cint",
    variant: "ORIGINAL",
    startOffset: 4,
    endOffset: 9,
    quotedText: "mundo",
  };

  it("accepts a selection whose offsets span the quoted text", () => {
    expect(excerptCreateSchema.parse({ ...excerpt, note: "  " })).toMatchObject({ note: null, quotedText: "mundo" });
  });

  it.each([
    [{ endOffset: 10 }, "quotedText:errors.invalidSelection"],
    [{ startOffset: 1.5 }, "startOffset:errors.invalidSelection"],
    [{ quotedText: "     ", endOffset: 9 }, "quotedText:errors.emptySelection"],
    [{ source: "STORY" }, "source:errors.invalid"],
    [{ variant: "SUMMARY" }, "variant:errors.invalid"],
  ])("refuses %j", (override, expected) => {
    expect(issues(excerptCreateSchema, { ...excerpt, ...override })).toContain(expected);
  });
});
