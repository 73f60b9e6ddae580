/**
 * The project built from records, without a database: the consent cut (who, which transcripts,
 * which stories), passages that no longer match or reach past the text, and the counts.
 */
import { describe, expect, it } from "vitest";
import { buildProject } from "@/lib/exports/refi-qda/model";
import type { ProjectRecords } from "@/lib/exports/refi-qda/records";

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;
const labels = { locale: "en" as const, t };
const consent = (scopes: Record<string, boolean>, withdrawn = false) => ({
  givenOn: new Date("2024-06-01"),
  createdAt: new Date("2024-06-01"),
  withdrawnOn: withdrawn ? new Date("2024-09-01") : null,
  withdrawalChoice: withdrawn ? ("STOP" as const) : null,
  scopes: Object.entries(scopes).map(([scope, granted]) => ({ scope: scope as "SHARE_WITH_FUNDER", granted })),
});
const person = (id: string, codeNumber: number, consents: ReturnType<typeof consent>[]) => ({
  id,
  code: `R-000${codeNumber}`,
  codeNumber,
  type: "UNION_MEMBER" as const,
  gender: "WOMAN" as const,
  state: "Oaxaca",
  excludedAt: null,
  consents,
});
const text = "Antes 😀 no. Ahora sí.";
const transcripts = { transcriptOriginal: text, transcriptTranslation: null, translationLanguage: null };
const excerpt = (
  id: string,
  source: { interviewId?: string; focusGroupId?: string },
  startOffset: number,
  endOffset: number,
  quotedText: string,
) => ({
  id,
  interviewId: source.interviewId ?? null,
  focusGroupId: source.focusGroupId ?? null,
  variant: "ORIGINAL" as const,
  startOffset,
  endOffset,
  quotedText,
});
const at = text.indexOf("Ahora sí.");

function records(): ProjectRecords {
  return {
    evaluation: { id: "e1", name: "Evaluation" },
    domains: [{ id: "d1", position: 1, nameEn: "Dialogue", nameEs: "Diálogo", definitionEn: null, definitionEs: null }],
    atRiskGroups: [],
    respondents: [
      person("shared", 1, [consent({ SHARE_WITH_FUNDER: true })]),
      person("notShared", 2, [consent({ SHARE_WITH_FUNDER: false })]),
      person("stopped", 3, [consent({ SHARE_WITH_FUNDER: true }, true)]),
      // A newer form that refuses sharing wins over an older one that granted it.
      {
        ...person("changedMind", 4, [
          consent({ SHARE_WITH_FUNDER: true }),
          { ...consent({ SHARE_WITH_FUNDER: false }), givenOn: new Date("2024-07-01") },
        ]),
      },
    ],
    interviews: [
      { id: "i1", date: new Date("2024-06-15"), respondentIds: ["shared"], ...transcripts },
      { id: "i2", date: new Date("2024-06-16"), respondentIds: ["changedMind"], ...transcripts },
    ],
    focusGroups: [
      {
        id: "g1",
        date: new Date("2024-06-17"),
        topic: "Mixed",
        participantIds: ["shared", "notShared"],
        ...transcripts,
      },
      { id: "g2", date: new Date("2024-06-18"), topic: "Anonymous only", participantIds: [], ...transcripts },
    ],
    excerpts: [
      excerpt("x1", { interviewId: "i1" }, at, at + "Ahora sí.".length, "Ahora sí."),
      excerpt("x2", { interviewId: "i2" }, at, at + "Ahora sí.".length, "Ahora sí."),
      excerpt("x3", { focusGroupId: "g1" }, at, at + "Ahora sí.".length, "Ahora sí."),
      // Past the end: slice() would clamp it into a "match".
      excerpt("x4", { interviewId: "i1" }, text.length - 3, text.length + 5, "sí."),
      excerpt("x5", { interviewId: "i1" }, 0, 5, "Después"),
    ],
    stories: [
      {
        id: "s1",
        code: "CS-0001",
        codeNumber: 1,
        title: "Kept",
        whatChanged: "a",
        whySignificant: "b",
        changeType: "POSITIVE",
        storytellerIds: ["shared"],
        excerptIds: ["x1"],
        domainIds: ["d1"],
        atRiskGroupIds: [],
      },
      {
        id: "s2",
        code: "CS-0002",
        codeNumber: 2,
        title: "Stopped",
        whatChanged: "a",
        whySignificant: "b",
        changeType: "NEGATIVE",
        storytellerIds: ["stopped"],
        excerptIds: ["x1"],
        domainIds: [],
        atRiskGroupIds: [],
      },
    ],
  };
}

describe("building the project", () => {
  const project = buildProject(records(), labels);

  it("keeps only respondents whose current consent allows sharing, and transcripts with no one left out", () => {
    expect(project.cases.map((row) => row.name)).toEqual(["R-0001"]);
    expect(project.sources.map((source) => source.name)).toEqual([
      expect.stringContaining("sources.interview"),
      expect.stringContaining("Anonymous only"),
    ]);
    expect(project.counts.leftOut).toEqual({
      respondents: 3,
      interviews: 1,
      focusGroups: 1,
      selections: 2,
      stories: 1,
      drifted: 2,
    });
  });

  it("puts the passage at code points and codes it with the kept story only", () => {
    const [selection] = project.sources[0]!.selections;
    expect(project.sources[0]!.selections).toHaveLength(1);
    expect(selection!.start).toBe(at - 1);
    expect(selection!.end).toBe(at - 1 + "Ahora sí.".length);
    expect(selection!.codings.map((coding) => coding.codeGuid)).toHaveLength(2);
    expect(project.notes.map((note) => note.name)).toEqual(["CS-0001 · Kept"]);
    expect(selection!.noteGuids).toEqual([project.notes[0]!.guid]);
  });

  it("gives the same project for the same records", () => {
    expect(buildProject(records(), labels)).toEqual(project);
  });
});
