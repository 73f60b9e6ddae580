/**
 * What a person calls the records on a page of the audit trail: a story or respondent by its
 * code, a round by its name, a member by their name. One query per kind of record on the page
 * (a page holds a few kinds), never one per event; every query is held to the evaluation. A record
 * deleted since keeps no label: the sentence names its kind instead, and the raw record its id.
 */
import "server-only";
import { isoDay } from "@/lib/core/calendar-day";
import { db } from "@/lib/db";
import { placeLabel } from "@/lib/fieldwork/data";
import { labelKey } from "./sentences";

type Named = { recordType: string; recordId: string | null };
type Lookup = (evaluationId: string, ids: string[], locale: "es" | "en") => Promise<Array<[string, string]>>;

const named = (locale: "es" | "en") => (row: { nameEs: string; nameEn: string }) =>
  locale === "en" ? row.nameEn : row.nameEs;
/** A name in the quotation marks of the page's language, as its messages write them: “…” or «…». */
const quoted = (locale: "es" | "en", text: string) => (locale === "en" ? `“${text}”` : `«${text}»`);
const storyCodes = async (
  evaluationId: string,
  rows: Array<{ id: string; storyId: string }>,
): Promise<Array<[string, string]>> => {
  const stories = await db().changeStory.findMany({
    where: { evaluationId, id: { in: [...new Set(rows.map((row) => row.storyId))] } },
    select: { id: true, code: true },
  });
  const codes = new Map(stories.map((story) => [story.id, story.code]));
  return rows.flatMap((row) => (codes.has(row.storyId) ? [[row.id, codes.get(row.storyId)!] as [string, string]] : []));
};

const LOOKUPS: Record<string, Lookup> = {
  ChangeStory: async (evaluationId, ids) =>
    (
      await db().changeStory.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, code: true } })
    ).map((row) => [row.id, row.code]),
  Respondent: async (evaluationId, ids) =>
    (
      await db().respondent.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, code: true } })
    ).map((row) => [row.id, row.code]),
  Interview: async (evaluationId, ids) =>
    (
      await db().interview.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, date: true, place: { select: { state: true, municipality: true, community: true } } },
      })
    ).map((row) => [row.id, [isoDay(row.date), row.place ? placeLabel(row.place) : null].filter(Boolean).join(", ")]),
  FocusGroup: async (evaluationId, ids, locale) =>
    (
      await db().focusGroup.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, date: true, topic: true },
      })
    ).map((row) => [row.id, `${quoted(locale, row.topic)} (${isoDay(row.date)})`]),
  SelectionRound: async (evaluationId, ids, locale) =>
    (
      await db().selectionRound.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, name: true } })
    ).map((row) => [row.id, quoted(locale, row.name)]),
  SelectionPanel: async (evaluationId, ids, locale) =>
    (
      await db().selectionPanel.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, name: true } })
    ).map((row) => [row.id, quoted(locale, row.name)]),
  ValidationRound: async (evaluationId, ids, locale) =>
    (
      await db().validationRound.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, name: true },
      })
    ).map((row) => [row.id, quoted(locale, row.name)]),
  Domain: async (evaluationId, ids, locale) =>
    (
      await db().domain.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, nameEs: true, nameEn: true },
      })
    ).map((row) => [row.id, quoted(locale, named(locale)(row))]),
  Sector: async (evaluationId, ids, locale) =>
    (
      await db().sector.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, nameEs: true, nameEn: true },
      })
    ).map((row) => [row.id, quoted(locale, named(locale)(row))]),
  PriorityTag: async (evaluationId, ids, locale) =>
    (
      await db().priorityTag.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, nameEs: true, nameEn: true },
      })
    ).map((row) => [row.id, quoted(locale, named(locale)(row))]),
  AtRiskGroup: async (evaluationId, ids, locale) =>
    (
      await db().atRiskGroup.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, nameEs: true, nameEn: true },
      })
    ).map((row) => [row.id, quoted(locale, named(locale)(row))]),
  Project: async (evaluationId, ids) =>
    (
      await db().project.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, acronym: true } })
    ).map((row) => [row.id, row.acronym]),
  PlaceCountry: async (evaluationId, ids, locale) =>
    (
      await db().placeCountry.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, code: true, nameEs: true, nameEn: true },
      })
    ).map((row) => [row.id, `${named(locale)(row)} (${row.code})`]),
  Place: async (evaluationId, ids) =>
    (
      await db().place.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, state: true, municipality: true, community: true },
      })
    ).map((row) => [row.id, placeLabel(row)]),
  Evaluation: async (evaluationId, ids, locale) =>
    (
      await db().evaluation.findMany({
        where: { id: { in: ids.filter((id) => id === evaluationId) } },
        select: { id: true, name: true },
      })
    ).map((row) => [row.id, quoted(locale, row.name)]),
  EvaluationMember: async (evaluationId, ids) =>
    (
      await db().evaluationMember.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, user: { select: { name: true } } },
      })
    ).map((row) => [row.id, row.user.name]),
  // Members are named as the members page names them; people outside the evaluation are not looked up.
  User: async (evaluationId, ids) =>
    (
      await db().user.findMany({
        where: { id: { in: ids }, memberships: { some: { evaluationId } } },
        select: { id: true, name: true },
      })
    ).map((row) => [row.id, row.name]),
  EvidenceItem: async (evaluationId, ids) =>
    storyCodes(
      evaluationId,
      await db().evidenceItem.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, storyId: true },
      }),
    ),
  StoryQuotation: async (evaluationId, ids) =>
    storyCodes(
      evaluationId,
      await db().storyQuotation.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, storyId: true },
      }),
    ),
  TriangulationSignOff: async (evaluationId, ids) =>
    storyCodes(
      evaluationId,
      await db().triangulationSignOff.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, storyId: true },
      }),
    ),
  Review: async (evaluationId, ids) =>
    storyCodes(
      evaluationId,
      await db().review.findMany({ where: { evaluationId, id: { in: ids } }, select: { id: true, storyId: true } }),
    ),
  ValidationResponse: async (evaluationId, ids) =>
    storyCodes(
      evaluationId,
      await db().validationResponse.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, storyId: true },
      }),
    ),
  ImportBatch: async (evaluationId, ids, locale) =>
    (
      await db().importBatch.findMany({
        where: { evaluationId, id: { in: ids } },
        select: { id: true, fileName: true },
      })
    ).map((row) => [row.id, quoted(locale, row.fileName)]),
};

/** The transcript a marked passage belongs to, named as its interview or focus group is. */
LOOKUPS.TranscriptExcerpt = async (evaluationId, ids, locale) => {
  const rows = await db().transcriptExcerpt.findMany({
    where: { evaluationId, id: { in: ids } },
    select: { id: true, interviewId: true, focusGroupId: true },
  });
  const interviews = new Map(
    await LOOKUPS.Interview!(
      evaluationId,
      rows.flatMap((row) => (row.interviewId ? [row.interviewId] : [])),
      locale,
    ),
  );
  const groups = new Map(
    await LOOKUPS.FocusGroup!(
      evaluationId,
      rows.flatMap((row) => (row.focusGroupId ? [row.focusGroupId] : [])),
      locale,
    ),
  );
  return rows.flatMap((row) => {
    const label = row.interviewId
      ? interviews.get(row.interviewId)
      : row.focusGroupId
        ? groups.get(row.focusGroupId)
        : undefined;
    return label ? [[row.id, label] as [string, string]] : [];
  });
};

/** Labels keyed by `labelKey(type, id)`, for the events of one page. */
export async function findRecordLabels(
  evaluationId: string,
  events: Named[],
  locale: "es" | "en",
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of events) {
    if (!recordId || !LOOKUPS[recordType]) continue;
    idsByType.set(recordType, (idsByType.get(recordType) ?? new Set()).add(recordId));
  }
  const found = await Promise.all(
    [...idsByType].map(async ([type, ids]) =>
      (await LOOKUPS[type]!(evaluationId, [...ids], locale)).map(([id, label]) => [labelKey(type, id), label] as const),
    ),
  );
  return new Map(found.flat());
}
