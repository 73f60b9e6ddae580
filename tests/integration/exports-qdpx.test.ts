/**
 * The REFI-QDA project (.qdpx) through its route, against a real database, opened as a file:
 * project.qde valid against the schema (xmllint), every source in the zip as LF UTF-8 text
 * without a byte-order mark, every passage inside its text at code-point positions (after an
 * emoji and CRLF line endings too), no dangling GUID, nobody who did not consent to sharing
 * (nor their transcripts, passages or stories), no identity, a byte-identical file on a second
 * download, the readers the rules allow and an audit event with the counts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildChangeStory,
  buildDomainAssignment,
  buildExcerpt,
  buildFocusGroup,
  buildInterview,
  buildRespondentIdentity,
  createConsentedRespondent,
  createEvaluationWithTeam,
  newId,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { actingUser, signInAs } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { elementsOf, entryTimes, qdpxEntries, validateAgainstSchema, type QdpxEntry } from "@/tests/support/qdpx";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let mine: EvaluationWithTeam;
let theirs: EvaluationWithTeam;
let route: typeof import("@/app/api/evaluations/[evaluationId]/exports/project.qdpx/route");

const CANARY = "Canaria Zacarías Quetzalli";
const WITHDRAWN_CANARY = "Retirada Ximena Tlalli";
// Words that must never reach the file: each marks a passage, a transcript or a story of someone left out.
const LEFT_OUT = [
  "PALABRAS-RETIRADAS",
  "PALABRAS-SIN-PERMISO",
  "PALABRAS-GRUPO-MIXTO",
  "HISTORIA-RETIRADA",
  "SIN-CONSENTIMIENTO",
  "TRANSCRIPCION-AJENA",
];

const EMOJI_PASSAGE = "Ahora nos pagan las horas extra.";
const ORIGINAL = `Entrevistadora: ¿Qué cambió?\r\nR-0001: Antes 👩🏽‍🏭🚜 no nos pagaban. ${EMOJI_PASSAGE}\r\n<fin> & "comillas"`;
const TRANSLATION = "Interviewer: What changed?\nR-0001: Before 👩🏽‍🏭 they did not pay us. Now they pay overtime.";
const GROUP = "Moderadora: ¿Qué cambió en la junta? Participante: 🎉 Ya votamos en secreto.";

const ids = {} as Record<string, string>;

function download(evaluationId = mine.evaluation.id, locale = "es") {
  return route.GET(
    new Request(`http://localhost:3000/api/evaluations/${evaluationId}/exports/project.qdpx`, {
      headers: { cookie: `NEXT_LOCALE=${locale}` },
    }),
    {
      params: Promise.resolve({ evaluationId }),
    },
  );
}

async function projectOf(response: Response) {
  expect(response.status).toBe(200);
  const body = Buffer.from(await response.arrayBuffer());
  const entries = await qdpxEntries(body);
  const qde = entries.find((entry) => entry.name === "project.qde")!;
  const xml = qde.bytes.toString("utf8");
  return { body, entries, qde, xml, elements: elementsOf(xml) };
}

const textOf = (entries: QdpxEntry[], path: string) =>
  entries.find((entry) => entry.name === path)?.bytes.toString("utf8");

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  route = await import("@/app/api/evaluations/[evaluationId]/exports/project.qdpx/route");
  const { prisma } = database;
  mine = await createEvaluationWithTeam(prisma);
  theirs = await createEvaluationWithTeam(prisma);
  const evaluationId = mine.evaluation.id;
  const recordedById = mine.members.evaluator!.id;
  const respondent = (
    options: Parameters<typeof createConsentedRespondent>[1] extends infer I
      ? Omit<I & object, "evaluationId" | "recordedById">
      : never,
  ) => createConsentedRespondent(prisma, { evaluationId, recordedById, ...options });
  const consenting = await respondent({});
  const alsoConsenting = await respondent({});
  const noFunder = await respondent({ refused: ["SHARE_WITH_FUNDER"] });
  const withdrawn = await respondent({ withdrawn: "EXCLUDE" });
  const stopped = await respondent({ withdrawn: "STOP" });
  const noConsent = await respondent({ withoutConsent: true });
  Object.assign(ids, {
    consenting: consenting.id,
    alsoConsenting: alsoConsenting.id,
    noFunder: noFunder.id,
    withdrawn: withdrawn.id,
    stopped: stopped.id,
    noConsent: noConsent.id,
  });
  await prisma.respondentIdentity.createMany({
    data: [
      buildRespondentIdentity({
        evaluationId,
        respondentId: consenting.id,
        name: CANARY,
        phone: "+52 55 1234 5678",
        email: "canaria@example.org",
        community: "Comunidad Canaria",
      }),
      buildRespondentIdentity({ evaluationId, respondentId: withdrawn.id, name: WITHDRAWN_CANARY }),
    ],
  });

  const interview = buildInterview({ evaluationId, transcriptOriginal: ORIGINAL, transcriptTranslation: TRANSLATION });
  const withdrawnInterview = buildInterview({
    evaluationId,
    transcriptOriginal: "R: PALABRAS-RETIRADAS sobre el sindicato.",
  });
  const noFunderInterview = buildInterview({
    evaluationId,
    transcriptOriginal: "R: PALABRAS-SIN-PERMISO sobre la junta.",
  });
  const noConsentInterview = buildInterview({ evaluationId, transcriptOriginal: "R: SIN-CONSENTIMIENTO." });
  const group = buildFocusGroup({
    evaluationId,
    topic: "Votación <secreta> & libre",
    transcriptOriginal: GROUP,
    anonymousParticipantCount: 3,
  });
  const mixedGroup = buildFocusGroup({
    evaluationId,
    topic: "Grupo mixto",
    transcriptOriginal: "Participante: PALABRAS-GRUPO-MIXTO.",
  });
  const foreign = buildInterview({ evaluationId: theirs.evaluation.id, transcriptOriginal: "TRANSCRIPCION-AJENA" });
  await prisma.interview.createMany({
    data: [interview, withdrawnInterview, noFunderInterview, noConsentInterview, foreign],
  });
  await prisma.focusGroup.createMany({ data: [group, mixedGroup] });
  const link = (interviewId: string, respondentId: string) => ({
    id: newId(),
    evaluationId,
    interviewId,
    respondentId,
  });
  await prisma.interviewRespondent.createMany({
    data: [
      link(interview.id, consenting.id),
      link(withdrawnInterview.id, withdrawn.id),
      link(noFunderInterview.id, noFunder.id),
      link(noConsentInterview.id, noConsent.id),
    ],
  });
  const participant = (focusGroupId: string, respondentId: string) => ({
    id: newId(),
    evaluationId,
    focusGroupId,
    respondentId,
  });
  await prisma.focusGroupParticipant.createMany({
    data: [
      participant(group.id, consenting.id),
      participant(group.id, alsoConsenting.id),
      participant(mixedGroup.id, alsoConsenting.id),
      participant(mixedGroup.id, stopped.id),
    ],
  });

  const excerpt = (
    source: { interviewId: string } | { focusGroupId: string },
    transcript: string,
    quote: string,
    variant: "ORIGINAL" | "TRANSLATION" = "ORIGINAL",
  ) => buildExcerpt({ evaluationId, createdById: recordedById, transcript, quote, variant, ...source });
  const excerpts = {
    emoji: excerpt({ interviewId: interview.id }, ORIGINAL, EMOJI_PASSAGE),
    markup: excerpt({ interviewId: interview.id }, ORIGINAL, '<fin> & "comillas"'),
    translation: excerpt({ interviewId: interview.id }, TRANSLATION, "Now they pay overtime.", "TRANSLATION"),
    group: excerpt({ focusGroupId: group.id }, GROUP, "Ya votamos en secreto."),
    withdrawn: excerpt(
      { interviewId: withdrawnInterview.id },
      "R: PALABRAS-RETIRADAS sobre el sindicato.",
      "PALABRAS-RETIRADAS",
    ),
    noFunder: excerpt(
      { interviewId: noFunderInterview.id },
      "R: PALABRAS-SIN-PERMISO sobre la junta.",
      "PALABRAS-SIN-PERMISO",
    ),
    mixed: excerpt({ focusGroupId: mixedGroup.id }, "Participante: PALABRAS-GRUPO-MIXTO.", "PALABRAS-GRUPO-MIXTO"),
  };
  // A passage whose transcript was edited under it: its words are no longer at its offsets.
  const drifted = { ...excerpt({ interviewId: interview.id }, ORIGINAL, "Antes"), quotedText: "Después" };
  await prisma.transcriptExcerpt.createMany({ data: [...Object.values(excerpts), drifted] });
  Object.assign(ids, {
    interview: interview.id,
    group: group.id,
    emoji: excerpts.emoji.id,
    translation: excerpts.translation.id,
    groupExcerpt: excerpts.group.id,
  });

  const authorId = mine.members.evaluator!.id;
  const stories = {
    told: buildChangeStory({
      evaluationId,
      authorId,
      codeNumber: 1,
      title: "Pago de horas extra",
      changeType: "POSITIVE",
    }),
    byWithdrawn: buildChangeStory({
      evaluationId,
      authorId,
      codeNumber: 2,
      title: "HISTORIA-RETIRADA",
      changeType: "NEGATIVE",
    }),
    onLeftOut: buildChangeStory({
      evaluationId,
      authorId,
      codeNumber: 3,
      title: "Sobre un fragmento que queda fuera",
      changeType: "NO_CHANGE",
    }),
  };
  await prisma.changeStory.createMany({ data: Object.values(stories) });
  Object.assign(ids, { told: stories.told.id, byWithdrawn: stories.byWithdrawn.id });
  const teller = (storyId: string, respondentId: string) => ({ id: newId(), evaluationId, storyId, respondentId });
  await prisma.storyTeller.createMany({
    data: [
      teller(stories.told.id, consenting.id),
      teller(stories.byWithdrawn.id, withdrawn.id),
      teller(stories.onLeftOut.id, alsoConsenting.id),
    ],
  });
  const source = (storyId: string, excerptId: string) => ({ id: newId(), evaluationId, storyId, excerptId });
  await prisma.storySource.createMany({
    data: [
      source(stories.told.id, excerpts.emoji.id),
      source(stories.told.id, excerpts.group.id),
      source(stories.byWithdrawn.id, excerpts.emoji.id),
      source(stories.onLeftOut.id, excerpts.mixed.id),
    ],
  });
  await prisma.domainAssignment.createMany({
    data: [
      buildDomainAssignment({
        evaluationId,
        storyId: stories.told.id,
        domainId: mine.domains[0]!.id,
        assignedById: mine.members.lead.id,
      }),
      buildDomainAssignment({
        evaluationId,
        storyId: stories.told.id,
        domainId: mine.domains[1]!.id,
        kind: "SECONDARY",
        assignedById: mine.members.lead.id,
      }),
      // An ended assignment is history, not a code.
      buildDomainAssignment({
        evaluationId,
        storyId: stories.byWithdrawn.id,
        domainId: mine.domains[1]!.id,
        assignedById: mine.members.lead.id,
        endedAt: new Date(),
        endedById: mine.members.lead.id,
      }),
    ],
  });
  await prisma.storyAtRiskGroup.create({
    data: { id: newId(), evaluationId, storyId: stories.told.id, groupId: mine.atRiskGroups[0]!.id },
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the REFI-QDA project", () => {
  it("is a zip of project.qde, valid against the schema, and a lower-case sources folder, every entry at one fixed time", async () => {
    signInAs(mine.members.lead);
    const response = await download();
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="project-\d{4}-\d{2}-\d{2}\.qdpx"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { body, entries, qde } = await projectOf(response);
    const names = entries.map((entry) => entry.name);
    expect(names[0]).toBe("project.qde");
    expect(names).toContain("sources/");
    expect(names.every((name) => name === "project.qde" || name.startsWith("sources/"))).toBe(true);
    // 2000-01-01 00:00:00 in DOS form, on every local header (the folder's too).
    const times = entryTimes(body);
    expect(times).toHaveLength(entries.length);
    expect(new Set(times.map((entry) => `${entry.date}:${entry.time}`))).toEqual(
      new Set([`${(20 << 9) | (1 << 5) | 1}:0`]),
    );
    expect(qde.bytes.subarray(0, 5).toString("latin1")).toBe("<?xml");
    const verdict = validateAgainstSchema(qde.bytes);
    expect(verdict.output).toBe("");
    expect(verdict.ok).toBe(true);
  });

  it("refers to every source as internal://<guid>.txt, and each is in the zip as LF UTF-8 text with no byte-order mark", async () => {
    signInAs(mine.members.lead);
    const { entries, elements } = await projectOf(await download());
    const sources = elements.filter((element) => element.name === "TextSource");
    // The interview's original and translation, and the consenting focus group.
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      expect(source.attributes.plainTextPath).toBe(`internal://${source.attributes.guid}.txt`);
      const file = entries.find((entry) => entry.name === `sources/${source.attributes.guid}.txt`);
      expect(file, source.attributes.name).toBeDefined();
      expect(file!.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(file!.bytes);
      expect(text).not.toContain("\r");
    }
    const fileNames = entries
      .filter((entry) => !entry.dir && entry.name.startsWith("sources/"))
      .map((entry) => entry.name);
    expect(fileNames.sort()).toEqual(sources.map((source) => `sources/${source.attributes.guid}.txt`).sort());
  });

  it("places every passage inside its text in code points, right after an emoji and CRLF line endings", async () => {
    signInAs(mine.members.lead);
    const { entries, xml } = await projectOf(await download());
    const sourceBlocks = [...xml.matchAll(/<TextSource ([^>]*?)(?:\/>|>([\s\S]*?)<\/TextSource>)/g)];
    const passages = new Map<string, string>();
    for (const [, head = "", inner = ""] of sourceBlocks) {
      const guid = /guid="([^"]+)"/.exec(head)![1]!;
      const text = [...textOf(entries, `sources/${guid}.txt`)!];
      for (const [, attributes = ""] of inner.matchAll(/<PlainTextSelection ([^>]*)>/g)) {
        const start = Number(/startPosition="(\d+)"/.exec(attributes)![1]);
        const end = Number(/endPosition="(\d+)"/.exec(attributes)![1]);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
        passages.set(/guid="([^"]+)"/.exec(attributes)![1]!, text.slice(start, end).join(""));
      }
    }
    expect([...passages.values()].sort()).toEqual(
      [EMOJI_PASSAGE, '<fin> & "comillas"', "Now they pay overtime.", "Ya votamos en secreto."].sort(),
    );
    // The emoji passage: UTF-16 offsets and code points differ by the emoji's extra units and the CR.
    const stored = ORIGINAL.indexOf(EMOJI_PASSAGE);
    const expected = [...ORIGINAL.slice(0, stored).replace(/\r\n/g, "\n")].length;
    expect(expected).toBeLessThan(stored);
    expect(xml).toMatch(new RegExp(`startPosition="${expected}" endPosition="${expected + EMOJI_PASSAGE.length}"`));
  });

  it("leaves no GUID dangling and gives each thing its own", async () => {
    signInAs(mine.members.lead);
    const { elements } = await projectOf(await download());
    const defined = elements.flatMap((element) => (element.attributes.guid ? [element.attributes.guid] : []));
    expect(new Set(defined).size).toBe(defined.length);
    const targets = elements.flatMap((element) =>
      element.attributes.targetGUID ? [element.attributes.targetGUID] : [],
    );
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !defined.includes(target))).toEqual([]);
  });

  it("codes a passage with its stories' current domains, change type and at-risk groups, and links the story as a note", async () => {
    signInAs(mine.members.lead);
    const { xml } = await projectOf(await download(mine.evaluation.id, "en"));
    const code = (name: string) => new RegExp(`<Code guid="([^"]+)" name="${name}"`).exec(xml)?.[1];
    const selection = new RegExp(`<PlainTextSelection [^>]*startPosition[^>]*>([\\s\\S]*?)</PlainTextSelection>`, "g");
    const blocks = [...xml.matchAll(selection)].map((match) => match[1]!);
    const emojiBlock = blocks.find((block) => block.includes(code(mine.domains[0]!.nameEn)!))!;
    expect(emojiBlock).toContain(code(mine.domains[1]!.nameEn)!);
    expect(emojiBlock).toContain(code("Positive change")!);
    expect(emojiBlock).toContain(code(mine.atRiskGroups[0]!.nameEn)!);
    expect(emojiBlock).not.toContain(code("Negative change")!);
    const notes = [...xml.matchAll(/<Note guid="([^"]+)" name="([^"]+)"/g)].map(([, guid, name]) => ({ guid, name }));
    expect(notes.map((note) => note.name)).toEqual(["CS-0001 · Pago de horas extra"]);
    expect(emojiBlock).toContain(`<NoteRef targetGUID="${notes[0]!.guid}"/>`);
    expect(xml).toContain('<Code guid="');
    expect(xml).toMatch(/<Code [^>]*name="Domains of change" isCodable="false">/);
  });

  it("has respondents as cases by their code with type, gender and state, and leaves out whoever may not be shared", async () => {
    signInAs(mine.members.lead);
    const { elements, entries, xml } = await projectOf(await download());
    const cases = elements.filter((element) => element.name === "Case").map((element) => element.attributes.name);
    const codes = await database.prisma.respondent.findMany({
      where: { evaluationId: mine.evaluation.id },
      select: { id: true, code: true },
    });
    const codeOf = (id: string) => codes.find((row) => row.id === id)!.code;
    expect(cases).toEqual([codeOf(ids.consenting!), codeOf(ids.alsoConsenting!)]);
    expect(xml).toMatch(/<TextValue>Coahuila<\/TextValue>/);
    const everything = entries.map((entry) => entry.bytes.toString("utf8")).join("\n");
    for (const word of LEFT_OUT) expect(everything, word).not.toContain(word);
    for (const id of ["noFunder", "withdrawn", "stopped", "noConsent"]) expect(cases).not.toContain(codeOf(ids[id]!));
    expect(xml).toContain("<Description>");
    expect(xml).toMatch(
      /Quedan fuera por consentimiento[^<]*: 4 personas, 3 entrevistas, 1 grupo focal, 3 fragmentos y 1 historia\. [^<]*: 1\./,
    );
    // The counts agree with their nouns in both languages: one focus group, not "1 focus groups".
    const english = await projectOf(await download(mine.evaluation.id, "en"));
    expect(english.xml).toMatch(
      /Left out for consent[^<]*: 4 respondents, 3 interviews, 1 focus group, 3 passages and 1 story\. [^<]*: 1\./,
    );
  });

  it("carries no identity: the canary names are nowhere in the zip, compressed or not", async () => {
    signInAs(mine.members.lead);
    const { body, entries } = await projectOf(await download());
    const everything = entries.map((entry) => entry.bytes.toString("utf8")).join("\n") + body.toString("latin1");
    for (const canary of [
      CANARY,
      WITHDRAWN_CANARY,
      "canaria@example.org",
      "+52 55 1234 5678",
      "Comunidad Canaria",
      mine.members.evaluator!.name,
      mine.members.lead.email,
    ]) {
      expect(everything, canary).not.toContain(canary);
    }
  });

  it("is byte-identical on a second download of the same records", async () => {
    signInAs(mine.members.lead);
    const first = await projectOf(await download());
    const second = await projectOf(await download());
    expect(second.body.equals(first.body)).toBe(true);
  });

  it("records each download with its counts", async () => {
    signInAs(mine.members.analyst!);
    const before = await database.prisma.auditEvent.count({
      where: { evaluationId: mine.evaluation.id, action: "qda_project.export" },
    });
    const { body } = await projectOf(await download());
    const events = await database.prisma.auditEvent.findMany({
      where: { evaluationId: mine.evaluation.id, action: "qda_project.export" },
      orderBy: { sequence: "asc" },
    });
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.actorId).toBe(mine.members.analyst!.id);
    expect(event.after).toMatchObject({
      format: "qdpx",
      cases: 2,
      sources: 3,
      selections: 4,
      notes: 1,
      leftOut: { respondents: 4, interviews: 3, focusGroups: 1, selections: 3, stories: 1, drifted: 1 },
    });
    expect((event.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.length).toBeGreaterThan(0);
  });

  it("answers 404 to a lead of another evaluation, a visitor, a panelist and a reviewer, and writes nothing for them", async () => {
    const count = () => database.prisma.auditEvent.count({ where: { action: "qda_project.export" } });
    const before = await count();
    for (const reader of [
      actingUser(theirs.members.lead),
      null,
      actingUser(mine.members.panelist!),
      actingUser(mine.members.reviewer!),
      actingUser(mine.outsider),
    ]) {
      signInAs(reader);
      const response = await download();
      expect(response.status, reader?.name ?? "visitor").toBe(404);
      expect(await response.text()).not.toContain("PK");
    }
    expect(await count()).toBe(before);
  });

  it("gives the evaluator and the analyst the same project as the lead, and another evaluation only its own", async () => {
    signInAs(mine.members.lead);
    const lead = await projectOf(await download());
    for (const member of [mine.members.evaluator!, mine.members.analyst!]) {
      signInAs(member);
      expect((await projectOf(await download())).body.equals(lead.body)).toBe(true);
    }
    signInAs(theirs.members.lead);
    const foreign = await projectOf(await download(theirs.evaluation.id));
    expect(foreign.entries.map((entry) => entry.bytes.toString("utf8")).join("\n")).toContain("TRANSCRIPCION-AJENA");
    expect(validateAgainstSchema(foreign.qde.bytes).ok).toBe(true);
  });
});
