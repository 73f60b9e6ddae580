/**
 * The REFI-QDA project as a plain structure, built from the records (pure: no database, no
 * XML). What goes in and what is left out is decision 0026: a code book of domains, change
 * types and at-risk groups; respondents as cases by their code; transcripts as text sources;
 * every anchored excerpt as a selection in code points, coded with its stories' codes; the
 * stories as notes on their selections.
 */
import { isoDay } from "@/lib/core/calendar-day";
import { isAnchored } from "@/lib/excerpts/anchor";
import type { TranscriptVariant } from "@/lib/generated/prisma/enums";
import { consentCut } from "./consent";
import { projectGuids } from "./guids";
import { plainTextOf } from "./plain-text";
import type { ProjectRecords, RecordTranscripts } from "./records";

export type QdaCode = { guid: string; name: string; description: string | null; codable: boolean; children: QdaCode[] };
export type QdaSelection = {
  guid: string;
  name: string;
  start: number;
  end: number;
  codings: Array<{ guid: string; codeGuid: string }>;
  noteGuids: string[];
};
export type QdaSource = { guid: string; name: string; path: string; text: string; selections: QdaSelection[] };
export type QdaCase = {
  guid: string;
  name: string;
  values: Array<{ variableGuid: string; value: string }>;
  sourceGuids: string[];
};
export type QdaNote = { guid: string; name: string; text: string };
export type ProjectCounts = {
  cases: number;
  sources: number;
  selections: number;
  notes: number;
  /** Left out for consent, and passages whose transcript changed under them. */
  leftOut: {
    respondents: number;
    interviews: number;
    focusGroups: number;
    selections: number;
    stories: number;
    drifted: number;
  };
};
export type QdaProject = {
  guid: string;
  name: string;
  codes: QdaCode[];
  variables: Array<{ guid: string; name: string }>;
  cases: QdaCase[];
  sources: QdaSource[];
  notes: QdaNote[];
  counts: ProjectCounts;
};

/** The words the project carries, in the reader's language. */
export type ProjectLabels = {
  locale: "es" | "en";
  t: (key: string, values?: Record<string, string | number>) => string;
};

const CHANGE_TYPES = ["POSITIVE", "NEGATIVE", "NO_CHANGE"] as const;
const VARIANTS: TranscriptVariant[] = ["ORIGINAL", "TRANSLATION"];
const lf = (text: string) => text.replace(/\r\n?/g, "\n");
const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

function transcriptOf(record: RecordTranscripts, variant: TranscriptVariant): string | null {
  const text = variant === "ORIGINAL" ? record.transcriptOriginal : record.transcriptTranslation;
  return text && text.length > 0 ? text : null;
}

/** A passage's name: its first words, as the QDA programs show a selection. */
function passageName(quotedText: string): string {
  const words = quotedText.replace(/\s+/g, " ").trim();
  const points = [...words];
  return points.length > 60 ? `${points.slice(0, 60).join("")}…` : words;
}

export function buildProject(records: ProjectRecords, labels: ProjectLabels): QdaProject {
  const { t, locale } = labels;
  const guid = projectGuids(records.evaluation.id);
  const cut = consentCut(records);
  const es = locale === "es";

  const domainGuid = (id: string) => guid("code", "domain", id);
  const changeTypeGuid = (type: string) => guid("code", "change-type", type);
  const groupGuid = (id: string) => guid("code", "at-risk-group", id);
  const codes: QdaCode[] = [
    {
      guid: guid("code-group", "domains"),
      name: t("codes.domains"),
      description: null,
      codable: false,
      children: [...records.domains]
        .sort((a, b) => a.position - b.position)
        .map((domain) => ({
          guid: domainGuid(domain.id),
          name: es ? domain.nameEs : domain.nameEn,
          description: (es ? domain.definitionEs : domain.definitionEn) ?? null,
          codable: true,
          children: [],
        })),
    },
    {
      guid: guid("code-group", "change-types"),
      name: t("codes.changeTypes"),
      description: null,
      codable: false,
      children: CHANGE_TYPES.map((type) => ({
        guid: changeTypeGuid(type),
        name: t(`changeType.${type}`),
        description: null,
        codable: true,
        children: [],
      })),
    },
    {
      guid: guid("code-group", "at-risk-groups"),
      name: t("codes.atRiskGroups"),
      description: null,
      codable: false,
      children: [...records.atRiskGroups]
        .sort((a, b) => a.position - b.position)
        .map((group) => ({
          guid: groupGuid(group.id),
          name: es ? group.nameEs : group.nameEn,
          description: null,
          codable: true,
          children: [],
        })),
    },
  ];
  // A selection's codings follow the code book's order, whatever order its stories came in.
  const codeOrder = new Map(codes.flatMap((group) => group.children).map((code, index) => [code.guid, index]));

  const respondents = byId(records.respondents);
  const codeOf = (id: string) => respondents.get(id)?.code ?? "";

  // Stories that stay, and the excerpts each stays on.
  const storiesOfExcerpt = new Map<string, ProjectRecords["stories"]>();
  for (const story of [...records.stories].sort((a, b) => a.codeNumber - b.codeNumber)) {
    if (cut.storyIds.has(story.id)) continue;
    for (const excerptId of story.excerptIds)
      storiesOfExcerpt.set(excerptId, [...(storiesOfExcerpt.get(excerptId) ?? []), story]);
  }

  type Owner = { kind: "interview" | "focus-group"; id: string; name: string; record: RecordTranscripts };
  const owners: Owner[] = [
    ...[...records.interviews]
      .sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id))
      .map((row): Owner => ({
        kind: "interview",
        id: row.id,
        record: row,
        name: t("sources.interview", {
          date: isoDay(row.date),
          respondents: row.respondentIds.map(codeOf).sort().join(", "),
        }),
      })),
    ...[...records.focusGroups]
      .sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id))
      .map((row): Owner => ({
        kind: "focus-group",
        id: row.id,
        record: row,
        name: t("sources.focusGroup", { date: isoDay(row.date), topic: row.topic }),
      })),
  ];
  const excerptsOf = new Map<string, ProjectRecords["excerpts"]>();
  for (const excerpt of records.excerpts) {
    const key = `${excerpt.interviewId ? "interview" : "focus-group"}:${excerpt.interviewId ?? excerpt.focusGroupId}:${excerpt.variant}`;
    excerptsOf.set(key, [...(excerptsOf.get(key) ?? []), excerpt]);
  }

  const leftOut = {
    respondents: cut.respondentIds.size,
    interviews: cut.interviewIds.size,
    focusGroups: cut.focusGroupIds.size,
    selections: 0,
    stories: cut.storyIds.size,
    drifted: 0,
  };
  const sources: QdaSource[] = [];
  const sourcesOfOwner = new Map<string, string[]>();
  const notedStories = new Set<string>();
  for (const owner of owners) {
    const ownerLeftOut = (owner.kind === "interview" ? cut.interviewIds : cut.focusGroupIds).has(owner.id);
    for (const variant of VARIANTS) {
      const excerpts = [...(excerptsOf.get(`${owner.kind}:${owner.id}:${variant}`) ?? [])].sort(
        (a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || a.id.localeCompare(b.id),
      );
      const stored = transcriptOf(owner.record, variant);
      if (ownerLeftOut) {
        leftOut.selections += excerpts.length;
        continue;
      }
      if (stored === null) {
        leftOut.drifted += excerpts.length;
        continue;
      }
      const sourceGuid = guid("source", owner.kind, owner.id, variant);
      const plain = plainTextOf(stored);
      const selections: QdaSelection[] = [];
      for (const excerpt of excerpts) {
        // slice() clamps, so an end past the text could still "match": check the bounds first.
        const inside = excerpt.startOffset >= 0 && excerpt.endOffset <= stored.length;
        const start = inside && isAnchored(stored, excerpt) ? plain.positionOf(excerpt.startOffset) : -1;
        const end = start < 0 ? -1 : plain.positionOf(excerpt.endOffset);
        if (start < 0 || end <= start) {
          leftOut.drifted += 1;
          continue;
        }
        const selectionGuid = guid("selection", excerpt.id);
        const stories = storiesOfExcerpt.get(excerpt.id) ?? [];
        const codeGuids = new Set(
          stories.flatMap((story) => [
            ...story.domainIds.map(domainGuid),
            changeTypeGuid(story.changeType),
            ...story.atRiskGroupIds.map(groupGuid),
          ]),
        );
        const codings = [...codeGuids]
          .filter((codeGuid) => codeOrder.has(codeGuid))
          .sort((a, b) => codeOrder.get(a)! - codeOrder.get(b)!)
          .map((codeGuid) => ({ guid: guid("coding", excerpt.id, codeGuid), codeGuid }));
        for (const story of stories) notedStories.add(story.id);
        selections.push({
          guid: selectionGuid,
          name: passageName(excerpt.quotedText),
          start,
          end,
          codings,
          noteGuids: stories.map((story) => guid("note", story.id)),
        });
      }
      const variantName =
        variant === "ORIGINAL"
          ? owner.name
          : `${owner.name} (${t("sources.translation", { language: owner.record.translationLanguage ?? "" })})`;
      sources.push({
        guid: sourceGuid,
        name: variantName,
        path: `internal://${sourceGuid}.txt`,
        text: plain.text,
        selections,
      });
      sourcesOfOwner.set(`${owner.kind}:${owner.id}`, [
        ...(sourcesOfOwner.get(`${owner.kind}:${owner.id}`) ?? []),
        sourceGuid,
      ]);
    }
  }

  const variables = [
    { guid: guid("variable", "type"), name: t("variables.type") },
    { guid: guid("variable", "gender"), name: t("variables.gender") },
    { guid: guid("variable", "state"), name: t("variables.state") },
  ];
  const sourcesOfRespondent = new Map<string, string[]>();
  for (const row of records.interviews)
    for (const id of row.respondentIds)
      sourcesOfRespondent.set(id, [
        ...(sourcesOfRespondent.get(id) ?? []),
        ...(sourcesOfOwner.get(`interview:${row.id}`) ?? []),
      ]);
  for (const row of records.focusGroups)
    for (const id of row.participantIds)
      sourcesOfRespondent.set(id, [
        ...(sourcesOfRespondent.get(id) ?? []),
        ...(sourcesOfOwner.get(`focus-group:${row.id}`) ?? []),
      ]);
  const sourceOrder = new Map(sources.map((source, index) => [source.guid, index]));
  const cases: QdaCase[] = [...records.respondents]
    .filter((respondent) => !cut.respondentIds.has(respondent.id))
    .sort((a, b) => a.codeNumber - b.codeNumber)
    .map((respondent) => ({
      guid: guid("case", respondent.id),
      name: respondent.code,
      values: [
        { variableGuid: variables[0]!.guid, value: t(`respondentType.${respondent.type}`) },
        { variableGuid: variables[1]!.guid, value: t(`gender.${respondent.gender}`) },
        { variableGuid: variables[2]!.guid, value: respondent.state },
      ],
      sourceGuids: [...new Set(sourcesOfRespondent.get(respondent.id) ?? [])].sort(
        (a, b) => sourceOrder.get(a)! - sourceOrder.get(b)!,
      ),
    }));

  const notes: QdaNote[] = [...records.stories]
    .filter((story) => notedStories.has(story.id))
    .sort((a, b) => a.codeNumber - b.codeNumber)
    .map((story) => ({
      guid: guid("note", story.id),
      name: `${story.code} · ${story.title}`,
      text: lf(`${story.title}\n\n${story.whatChanged}\n\n${story.whySignificant}`),
    }));

  const selectionCount = sources.reduce((sum, source) => sum + source.selections.length, 0);
  return {
    guid: guid("project"),
    name: records.evaluation.name,
    codes,
    variables,
    cases,
    sources,
    notes,
    counts: { cases: cases.length, sources: sources.length, selections: selectionCount, notes: notes.length, leftOut },
  };
}
