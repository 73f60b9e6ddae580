/**
 * Attachments through the server action as a hand-made POST would send them, and the download
 * route: wrong type, renamed, empty, oversized and hostile files refused with nothing written;
 * downloads only for those who may see evidence (404 for everyone else, outsider included), sent
 * as an attachment with the stored type and nosniff, and audited.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/uploads/file-check";
import { buildChangeStory, createEvaluationWithTeam, type EvaluationWithTeam } from "@/tests/factories";
import { actingUser, signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));

let database: TestDatabase;
let team: EvaluationWithTeam;
let storyId: string;
let actions: typeof import("@/lib/triangulation/actions");
let route: typeof import("@/app/api/evaluations/[evaluationId]/evidence/[evidenceId]/file/route");

const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const EVIDENCE = {
  sourceType: "DOCUMENT",
  citation: "Informe 2023",
  whatItShows: "Lo que muestra.",
  stance: "SUPPORTS",
  strength: "STRONG",
  figureId: "",
  response: "",
};

const asAnalyst = () => signInAs(team.members.analyst!);
const upload = (file: File | null) =>
  actions.addEvidence({ evaluationId: team.evaluation.id, storyId, evidence: EVIDENCE, file });
const itemCount = () => database.prisma.evidenceItem.count({ where: { storyId } });

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  team = await createEvaluationWithTeam(database.prisma);
  const story = buildChangeStory({
    evaluationId: team.evaluation.id,
    authorId: team.members.evaluator!.id,
    stage: "IN_TRIANGULATION",
  });
  await database.prisma.changeStory.create({ data: story });
  storyId = story.id;
  actions = await import("@/lib/triangulation/actions");
  route = await import("@/app/api/evaluations/[evaluationId]/evidence/[evidenceId]/file/route");
});

afterAll(async () => {
  await database?.close();
});

describe("uploading an attachment", () => {
  it("stores a PDF with its detected type and SHA-256", async () => {
    asAnalyst();
    const result = await upload(new File([PDF], "informe anual.pdf", { type: "application/octet-stream" }));
    expect(result).toMatchObject({ ok: true });
    const row = await database.prisma.evidenceItem.findFirstOrThrow({ where: { storyId }, omit: { content: true } });
    expect(row).toMatchObject({ fileName: "informe anual.pdf", mimeType: "application/pdf", sizeBytes: PDF.length });
    expect(row.contentSha256).toBe(createHash("sha256").update(PDF).digest("hex"));
  });

  it.each([
    ["empty", new File([], "vacio.pdf"), "FILE_EMPTY"],
    ["oversized", new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "grande.pdf"), "FILE_TOO_LARGE"],
    [
      "a program renamed .pdf",
      new File([new Uint8Array([0x4d, 0x5a, ...new Uint8Array(510)])], "informe.pdf"),
      "FILE_TYPE_NOT_ALLOWED",
    ],
    [
      "a web page renamed .pdf",
      new File(["<html><script>alert(1)</script></html>"], "informe.pdf", { type: "application/pdf" }),
      "FILE_HOSTILE",
    ],
    [
      "an SVG with script",
      new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "grafica.svg", {
        type: "image/svg+xml",
      }),
      "FILE_HOSTILE",
    ],
    [
      "a ZIP archive",
      new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(60)])], "datos.xlsx"),
      "FILE_TYPE_NOT_ALLOWED",
    ],
  ])("refuses %s next to the file field, with nothing written", async (_label, file, reason) => {
    asAnalyst();
    const before = await itemCount();
    const audits = await database.prisma.auditEvent.count();
    expect(await upload(file)).toEqual({ ok: false, error: "REJECTED", reason, field: "file" });
    expect(await itemCount()).toBe(before);
    expect(await database.prisma.auditEvent.count()).toBe(audits);
  });

  it("ignores version, author, story and content sent inside the evidence (mass assignment)", async () => {
    asAnalyst();
    const other = buildChangeStory({
      evaluationId: team.evaluation.id,
      authorId: team.members.evaluator!.id,
      stage: "IN_TRIANGULATION",
    });
    await database.prisma.changeStory.create({ data: other });
    const result = await actions.addEvidence({
      evaluationId: team.evaluation.id,
      storyId,
      evidence: {
        ...EVIDENCE,
        citation: "<script>alert(1)</script>'; DROP TABLE evidence_item;--",
        version: 99,
        addedById: team.members.lead.id,
        storyId: other.id,
        content: "AAAA",
        contentSha256: "0".repeat(64),
      },
      file: null,
    });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { evidenceId: string } }).data.evidenceId;
    const row = await database.prisma.evidenceItem.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      storyId,
      version: 1,
      addedById: team.members.analyst!.id,
      content: null,
      contentSha256: null,
      citation: "<script>alert(1)</script>'; DROP TABLE evidence_item;--",
    });
  });

  it("refuses a caller who may not edit evidence, and an outsider learns nothing", async () => {
    signInAs(team.members.lead);
    expect(await upload(new File([PDF], "a.pdf"))).toEqual({ ok: false, error: "FORBIDDEN" });
    signInAs(team.outsider);
    expect(await upload(new File([PDF], "a.pdf"))).toEqual({ ok: false, error: "NOT_FOUND" });
  });
});

describe("downloading an attachment", () => {
  async function download(evaluationId: string, evidenceId: string) {
    return route.GET(new Request(`http://localhost/api/evaluations/${evaluationId}/evidence/${evidenceId}/file`), {
      params: Promise.resolve({ evaluationId, evidenceId }),
    });
  }

  async function storedItem() {
    asAnalyst();
    await upload(new File([PDF], "informe.pdf"));
    signOut();
    return database.prisma.evidenceItem.findFirstOrThrow({
      where: { storyId, fileName: "informe.pdf" },
      orderBy: { createdAt: "desc" },
      omit: { content: true },
    });
  }

  it("sends the file as an attachment with the stored type and nosniff, and audits the read", async () => {
    const item = await storedItem();
    for (const member of [team.members.analyst!, team.members.lead, team.members.evaluator!]) {
      signInAs(member);
      const response = await download(team.evaluation.id, item.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="informe\.pdf"/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(await response.text()).toBe(PDF);
    }
    const reads = await database.prisma.auditEvent.findMany({
      where: { action: "evidence.file.read", recordId: item.id },
    });
    expect(reads.map((read) => read.actorId).sort()).toEqual(
      [team.members.analyst!.id, team.members.lead.id, team.members.evaluator!.id].sort(),
    );
  });

  it("names a file with accents and an apostrophe in plain ASCII and in valid UTF-8 form", async () => {
    asAnalyst();
    await upload(new File([PDF], "Informe O'Brien (versión final).pdf"));
    const item = await database.prisma.evidenceItem.findFirstOrThrow({
      where: { storyId },
      orderBy: { createdAt: "desc" },
      omit: { content: true },
    });
    expect(item.fileName).toBe("Informe O'Brien (versión final).pdf");
    const response = await download(team.evaluation.id, item.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Informe O'Brien (version final).pdf"; filename*=UTF-8''Informe%20O%27Brien%20%28versi%C3%B3n%20final%29.pdf`,
    );
  });

  it("answers 404 to a panelist, a reviewer, an outsider and an anonymous caller, and audits nothing", async () => {
    const item = await storedItem();
    const audits = await database.prisma.auditEvent.count();
    for (const caller of [
      actingUser(team.members.panelist!),
      actingUser(team.members.reviewer!),
      actingUser(team.outsider),
      null,
    ]) {
      signInAs(caller);
      const response = await download(team.evaluation.id, item.id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("PDF");
    }
    expect(await database.prisma.auditEvent.count()).toBe(audits);
  });

  it("answers 404 for an item named through another evaluation the caller leads", async () => {
    const item = await storedItem();
    const other = await createEvaluationWithTeam(database.prisma);
    signInAs(other.members.lead);
    expect((await download(other.evaluation.id, item.id)).status).toBe(404);
  });
});
