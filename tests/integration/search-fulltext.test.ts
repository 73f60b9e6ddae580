/**
 * Full-text search on a real database: Spanish and English stemming, accents ignored, results
 * highlighted with sentinels only (stored markup stays text), hostile input harmless, only this
 * evaluation, only kinds the reader may see, and every match reachable past the ranking window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildChangeStory,
  buildFocusGroup,
  buildInterview,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { day } from "@/tests/factories/ids";
import { MARK_END, MARK_START, splitHighlight } from "@/lib/search/highlight";
import type { StoryFilters } from "@/lib/tables/lists";
import type { TableState } from "@/lib/tables/url-state";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { readerOf } from "@/tests/support/reader";

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let loadStoryList: typeof import("@/lib/stories/loaders").loadStoryList;
let searchEvaluation: typeof import("@/lib/search/data").searchEvaluation;
let windowSize: number;

function storyState(q: string, overrides: Partial<TableState<StoryFilters>> = {}): TableState<StoryFilters> {
  return { page: 1, pageSize: 50, sort: { id: "relevance", desc: true }, columns: [], filters: { q }, ...overrides };
}

async function storyCodes(q: string) {
  return (await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), storyState(q)))!.rows
    .map((row) => row.code)
    .sort();
}

const marks = (headline: string | null) =>
  splitHighlight(headline ?? "")
    .filter((part) => part.mark)
    .map((part) => part.text);

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  ({ loadStoryList } = await import("@/lib/stories/loaders"));
  ({ searchEvaluation } = await import("@/lib/search/data"));
  windowSize = (await import("@/lib/search/sql")).TRANSCRIPT_RANK_WINDOW;
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma);
  theirs = await createEvaluationWithTeam(prisma);
  const e = mine.evaluation.id;
  const author = mine.members.evaluator!.id;
  await prisma.changeStory.createMany({
    data: [
      buildChangeStory({
        evaluationId: e,
        authorId: author,
        codeNumber: 1,
        title: "Los niños vuelven a la escuela",
        whatChanged: "Las niñas y los niños de las familias cortadoras asisten a la escuela durante la zafra.",
        whySignificant: "Por primera vez la educación no se interrumpe.",
        titleTranslation: "Children go back to school",
        whatChangedTranslation: "Girls and boys of cutters' families attend schools during the harvest.",
        whySignificantTranslation: "For the first time education is not interrupted.",
        translationLanguage: "en",
      }),
      buildChangeStory({
        evaluationId: e,
        authorId: author,
        codeNumber: 2,
        title: "Sindicato independiente",
        whatChanged: 'Texto con <script>alert("x")</script> y un niño que habla; también \uE000marca falsa\uE001.',
        whySignificant: "Las trabajadoras votaron.",
      }),
      buildChangeStory({
        evaluationId: e,
        authorId: author,
        codeNumber: 3,
        title: "Happy workers",
        whatChanged: "The happy workers organized unions in the plant.",
        whySignificant: "Unions matter.",
        originalLanguage: "en",
      }),
    ],
  });
  await prisma.changeStory.create({
    data: buildChangeStory({
      evaluationId: theirs.evaluation.id,
      authorId: theirs.members.lead.id,
      codeNumber: 1,
      title: "Niños de otra evaluación",
    }),
  });

  const filler = "Entrevistadora: ¿Cómo empezó todo? R-0001: Bueno, le cuento desde el principio, con calma. ".repeat(
    400,
  );
  await prisma.interview.createMany({
    data: [
      buildInterview({
        evaluationId: e,
        date: day("2024-06-01"),
        transcriptOriginal: `${filler}Al final dijo: los niños ya no cortan caña.`,
        notes: "Notas.",
      }),
      buildInterview({
        evaluationId: e,
        date: day("2024-06-02"),
        transcriptOriginal: "Sin tema.",
        transcriptTranslation: "The children of the cutters no longer work.",
      }),
      buildInterview({
        evaluationId: e,
        date: day("2024-06-03"),
        transcriptOriginal: "Nada aquí.",
        notes: "Seguimiento sobre niñez y escuela.",
      }),
      buildInterview({
        evaluationId: theirs.evaluation.id,
        date: day("2024-06-01"),
        transcriptOriginal: "Los niños de otra evaluación.",
      }),
    ],
  });
  await prisma.focusGroup.createMany({
    data: [
      buildFocusGroup({
        evaluationId: e,
        date: day("2024-07-01"),
        topic: "Trabajo infantil en la zafra",
        transcriptOriginal: "Hablamos de la cosecha.",
      }),
      buildFocusGroup({
        evaluationId: e,
        date: day("2024-07-02"),
        topic: "Acoso",
        transcriptOriginal: "Las compañeras denunciaron el acoso.",
      }),
    ],
  });
  // More matching interviews than are ranked, in a second evaluation-wide word.
  await prisma.interview.createMany({
    data: Array.from({ length: windowSize + 7 }, (_, index) =>
      buildInterview({
        evaluationId: e,
        date: new Date(Date.UTC(2023, 0, 1 + index)),
        transcriptOriginal: `Ronda ${index}: la cooperativa cafetalera.`,
      }),
    ),
  });
});

afterAll(async () => {
  await database?.close();
});

describe("story search: languages, stemming and accents", () => {
  it("finds accent-less and stemmed Spanish variants", async () => {
    for (const q of ["niños", "ninos", "NIÑOS", "niño", "niña", "educacion", "Educación", "escuelas"]) {
      expect(await storyCodes(q), q).toContain("CS-0001");
    }
    expect(await storyCodes("niño")).toEqual(["CS-0001", "CS-0002"]);
    expect(await storyCodes("trabajadora")).toEqual(["CS-0002"]);
  });

  it("finds English variants in originals and translations", async () => {
    expect(await storyCodes("schools")).toEqual(["CS-0001"]);
    expect(await storyCodes("school")).toEqual(["CS-0001"]);
    expect(await storyCodes("union")).toEqual(["CS-0003"]);
    expect(await storyCodes("organizing")).toEqual(["CS-0003"]);
  });

  it("understands phrases and exclusions, and several words", async () => {
    expect(await storyCodes('"familias cortadoras"')).toEqual(["CS-0001"]);
    expect(await storyCodes("niño -escuela")).toEqual(["CS-0002"]);
    expect(await storyCodes("niños zafra")).toEqual(["CS-0001"]);
    expect(await storyCodes("niños OR unions")).toEqual(["CS-0001", "CS-0002", "CS-0003"]);
  });

  it("highlights the matching passage in the text's own language, and marks only what matched", async () => {
    const result = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), storyState("schools"));
    const [row] = result!.rows;
    expect(row!.headlineLanguage).toBe("en");
    expect(marks(row!.headline)).toEqual(["school", "schools"]);
    const spanish = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), storyState("ninos"));
    const first = spanish!.rows.find((story) => story.code === "CS-0001")!;
    expect(first.headlineLanguage).toBe("es");
    expect(marks(first.headline)).toEqual(expect.arrayContaining(["niños", "niñas"]));
    // The title, what changed and why it matters read as sentences, each ending with one full stop.
    expect(
      splitHighlight(first.headline ?? "")
        .map((part) => part.text)
        .join(""),
    ).toContain("durante la zafra. Por primera vez");
  });

  it("shows no stored markup in the highlight (ts_headline drops tags) and strips fake sentinels from stored text", async () => {
    const result = await loadStoryList(mine.evaluation.id, readerOf(mine.members.lead), storyState("niño"));
    const hostile = result!.rows.find((row) => row.code === "CS-0002")!;
    const parts = splitHighlight(hostile.headline!);
    const text = parts.map((part) => part.text).join("");
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(["niño"]);
    expect(text).not.toContain("<script");
    expect(text).toContain('alert("x")');
    expect(text).toContain("marca falsa");
    expect(hostile.headline!.split(MARK_START)).toHaveLength(2);
    expect(hostile.headline!.split(MARK_END)).toHaveLength(2);
  });

  it("treats SQL-ish input as words: nothing extra found, nothing broken", async () => {
    expect(await storyCodes("' OR 1=1--")).toEqual([]);
    expect(await storyCodes("'; DROP TABLE change_story; --")).toEqual([]);
    expect(await storyCodes("%")).toEqual([]);
    expect(await storyCodes("\\")).toEqual([]);
    expect(await storyCodes("!!! & | :*")).toEqual([]);
    expect(await database.prisma.changeStory.count()).toBe(4);
  });

  it("combines the search with the other filters and sorts", async () => {
    const byTitle = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      storyState("niño", { sort: { id: "title", desc: false } }),
    );
    expect(byTitle!.rows.map((row) => row.code)).toEqual(["CS-0001", "CS-0002"]);
    const filtered = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      storyState("niño", { filters: { q: "niño", stage: "SUBMITTED" } }),
    );
    expect(filtered!.total).toBe(0);
  });

  it("never returns another evaluation's stories", async () => {
    const result = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      storyState("otra evaluación niños"),
    );
    expect(result!.total).toBe(0);
  });
});

describe("the search page: stories, interviews and focus groups at once", () => {
  it("finds transcripts, translations, notes and topics, each highlighted", async () => {
    const results = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), { q: "niños", page: 1 });
    expect(results!.kinds).toEqual(["stories", "interviews", "focusGroups"]);
    expect(results!.stories!.rows.map((row) => row.code).sort()).toEqual(["CS-0001", "CS-0002"]);
    // The 30,000-character transcript's match is at its very end: the passage around it is shown.
    expect(results!.interviews!.total).toBe(1);
    const [long] = results!.interviews!.rows;
    expect(marks(long!.headline)).toEqual(["niños"]);
    expect(long!.headline.length).toBeLessThan(1500);
    expect(long!.headlineLanguage).toBe("es");

    const english = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "Children",
      kind: "interviews",
      page: 1,
    });
    expect(english!.interviews!.rows).toHaveLength(1);
    expect(english!.interviews!.rows[0]).toMatchObject({ headlineLanguage: "en" });
    expect(marks(english!.interviews!.rows[0]!.headline)).toEqual(["children"]);

    const notes = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "ninez",
      kind: "interviews",
      page: 1,
    });
    expect(marks(notes!.interviews!.rows[0]!.headline)).toEqual(["niñez"]);

    const groups = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "infantil",
      kind: "focusGroups",
      page: 1,
    });
    expect(groups!.focusGroups!.rows.map((row) => row.label)).toEqual(["Trabajo infantil en la zafra"]);
    expect(marks(groups!.focusGroups!.rows[0]!.headline)).toEqual(["infantil"]);
    expect(groups!.stories).toBeUndefined();
  });

  it("falls back to the whole text when a stem is not a prefix of the word (happy → happi)", async () => {
    await database.prisma.interview.create({
      data: buildInterview({
        evaluationId: mine.evaluation.id,
        date: day("2024-09-09"),
        language: "en",
        transcriptOriginal: "Everyone was happy with the agreement.",
      }),
    });
    const results = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "happiness",
      kind: "interviews",
      page: 1,
    });
    expect(marks(results!.interviews!.rows[0]!.headline)).toEqual(["happy"]);
  });

  it("ranks only the most recent matches but keeps every match reachable, newest first after them", async () => {
    const seen = new Set<string>();
    let page = 1;
    let pageCount: number;
    do {
      const results = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
        q: "cooperativa",
        kind: "interviews",
        page,
      });
      const section = results!.interviews!;
      expect(section.total).toBe(windowSize + 7);
      expect(section.rankWindow).toBe(windowSize);
      for (const row of section.rows) seen.add(row.id);
      pageCount = section.pageCount;
      page += 1;
    } while (page <= pageCount);
    expect(seen.size).toBe(windowSize + 7);
    // A page past the end (a stale bookmark) shows the last page, counted by the search itself.
    const past = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "cooperativa",
      kind: "interviews",
      page: 999,
    });
    expect(past!.interviews).toMatchObject({ page: pageCount, pageCount, total: windowSize + 7 });
    expect(past!.interviews!.rows.length).toBeGreaterThan(0);
    expect(past!.interviews!.rows[0]).not.toHaveProperty("total");
    const storiesPast = await loadStoryList(
      mine.evaluation.id,
      readerOf(mine.members.lead),
      storyState("niño", { page: 50, pageSize: 1 }),
    );
    expect(storiesPast).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    // Walks every page of a ranked transcript search with highlighted passages: about a dozen
    // full-text queries over long transcripts, which take longer than 30 s while the whole suite
    // runs in parallel on two cores.
  }, 120_000);

  it("shows only the kinds the reader may see, and nothing to others", async () => {
    const panelist = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.panelist!), {
      q: "niños",
      page: 1,
    });
    expect(panelist!.kinds).toEqual(["stories"]);
    expect(panelist!.interviews).toBeUndefined();
    // Stories outside the panelist's opened rounds are not found (stories-panel-scope.test.ts): here, none.
    expect(panelist!.stories!.total).toBe(0);
    for (const who of [mine.members.reviewer!, mine.outsider, theirs.members.lead]) {
      expect(await searchEvaluation(mine.evaluation.id, readerOf(who), { q: "niños", page: 1 })).toBeNull();
    }
    expect(await searchEvaluation(mine.evaluation.id, null, { q: "niños", page: 1 })).toBeNull();
  });

  it("never returns another evaluation's interviews, and survives SQL-ish input", async () => {
    const results = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "otra evaluación",
      page: 1,
    });
    expect(results!.interviews!.total).toBe(0);
    const hostile = await searchEvaluation(mine.evaluation.id, readerOf(mine.members.lead), {
      q: "' OR 1=1--",
      page: 1,
    });
    expect([hostile!.stories!.total, hostile!.interviews!.total, hostile!.focusGroups!.total]).toEqual([0, 0, 0]);
  });
});
