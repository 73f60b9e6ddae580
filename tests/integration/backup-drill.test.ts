/**
 * The restore drill on real PostgreSQL (security-tests.md item 35), with the two roles of
 * production: data written through the mutations as the app role (the demo, an evidence file, an
 * identity read), `npm run backup`, `npm run restore` into a fresh database, then every table's
 * row count and checksum equal, `npm run audit:verify` passing on the copy against the restored
 * checkpoints, and the identities readable with the same key.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCheckpoint } from "@/lib/audit-anchor/anchor";
import type { Digests } from "@/lib/backup/digests";
import { keyRingFromEnv } from "@/lib/crypto";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openIdentity } from "@/lib/respondents/sealing";
import { seedDemo } from "@/prisma/seed/demo";
import { pointAppAt } from "@/tests/support/app-env";
import { openTwoRoleDatabase, serverAvailable, type TwoRoleDatabase } from "@/tests/support/two-roles";
import { runScript, type ScriptRun } from "@/tests/support/run-script";
import { digestsOf } from "@/tests/support/table-digests";

const KEY = Buffer.alloc(32, 2).toString("base64"); // pointAppAt's key
const ring = keyRingFromEnv({ IDENTITY_ENCRYPTION_KEY: KEY });
let roles: TwoRoleDatabase;
let source: PrismaClient;
const work = mkdtempSync(path.join(os.tmpdir(), "msc-drill-"));
const sourceCheckpoints = path.join(work, "source", "audit-checkpoints.jsonl");
let backup: ScriptRun;
let folder: string;

function script(name: string, args: string[], env: Record<string, string>): Promise<ScriptRun> {
  return runScript(name, args, { AUTH_SECRET: "a".repeat(40), IDENTITY_ENCRYPTION_KEY: KEY, ...env });
}

async function identities(prisma: PrismaClient) {
  const rows = await prisma.respondentIdentity.findMany({ orderBy: { respondentId: "asc" } });
  return rows.map((row) => ({ respondentId: row.respondentId, ...openIdentity(row.respondentId, row, ring) }));
}

describe.skipIf(!serverAvailable())("backup and restore drill on PostgreSQL", () => {
  beforeAll(async () => {
    roles = await openTwoRoleDatabase();
    pointAppAt(roles.appUrl);
    source = createPrismaClient(roles.appUrl);
    await seedDemo(source, { withDemoPasswords: false, identityKeyRing: ring });
    const actorId = (await source.user.findFirstOrThrow()).id;
    const story = await source.changeStory.findFirstOrThrow({ select: { id: true, evaluationId: true } });
    await source.changeStory.update({ where: { id: story.id }, data: { stage: "IN_TRIANGULATION" } });
    const content = Buffer.from("%PDF-1.4\n% evidencia de prueba\n%%EOF\n");
    const { createEvidence } = await import("@/lib/triangulation/mutations");
    const saved = await createEvidence({
      actorId,
      evaluationId: story.evaluationId,
      storyId: story.id,
      evidence: {
        sourceType: "DOCUMENT",
        citation: "Informe 2024",
        whatItShows: "Prueba.",
        stance: "SUPPORTS",
        strength: "STRONG",
        figureId: null,
        response: null,
        supportNote: null,
      },
      file: {
        fileName: "informe.pdf",
        mimeType: "application/pdf",
        sizeBytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      },
    });
    expect(saved).toMatchObject({ ok: true });
    const identity = await source.respondentIdentity.findFirstOrThrow({
      select: { evaluationId: true, respondentId: true },
    });
    const { revealIdentity } = await import("@/lib/respondents/identity-mutations");
    await revealIdentity({ actorId }, identity);
    await writeCheckpoint(source, sourceCheckpoints, ring);
    backup = await script("backup", ["--to", path.join(work, "backups")], {
      DATABASE_URL: roles.appUrl,
      MIGRATION_DATABASE_URL: roles.ownerUrl,
      AUDIT_CHECKPOINT_FILE: sourceCheckpoints,
    });
    const [folderName] = readdirSync(path.join(work, "backups"));
    folder = path.join(work, "backups", folderName!);
  }, 180_000);
  afterAll(async () => {
    await source?.$disconnect();
    await roles?.close();
  });

  it("restores into a fresh database what was backed up, proven table by table", async () => {
    expect(backup.output).toMatch(/^Backed up \d+ tables \(\d+ rows\) and the audit checkpoints to /);
    expect(backup.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["audit-checkpoints.jsonl", "database.dump", "manifest.json"]);

    const target = await roles.createSibling();
    const restoredCheckpoints = path.join(work, "restored", "audit-checkpoints.jsonl");
    const env = {
      DATABASE_URL: target.appUrl,
      MIGRATION_DATABASE_URL: target.ownerUrl,
      AUDIT_CHECKPOINT_FILE: restoredCheckpoints,
    };
    const restore = await script("restore", [folder], env);
    expect(restore.output).toMatch(
      /Restored and checked \d+ tables \(\d+ rows\) .*every count and checksum as backed up/,
    );
    expect(restore.code).toBe(0);

    // The same proof, computed here, independently of the scripts' own manifest.
    const before = await digestsOf(roles.ownerUrl);
    const after = await digestsOf(target.ownerUrl);
    expect(after).toEqual(before);
    expect(before.audit_event!.rows).toBeGreaterThan(10);
    expect(before.evidence_item!.rows).toBeGreaterThan(0);
    expect(before.respondent_identity!.rows).toBeGreaterThan(0);

    const verify = await script("audit-verify", [], env);
    expect(verify.output).toMatch(/^ok {6}checkpoint of \S+: \d+ chains as recorded/m);
    expect(verify.output).not.toMatch(/BROKEN|MISSING|CHANGED|WARNING/);
    expect(verify.code).toBe(0);

    const copy = createPrismaClient(target.appUrl);
    try {
      const restored = await identities(copy);
      expect(restored.length).toBeGreaterThan(0);
      expect(restored).toEqual(await identities(source));
      const file = await copy.evidenceItem.findFirstOrThrow({
        where: { fileName: "informe.pdf" },
        select: { content: true },
      });
      expect(Buffer.from(file.content!).toString()).toContain("evidencia de prueba");
      // The restored copy is served with the same rights: the app role still cannot rewrite the trail.
      await expect(copy.$executeRawUnsafe("DELETE FROM audit_event")).rejects.toThrow(/permission denied/);
    } finally {
      await copy.$disconnect();
    }

    // A second restore into the same database is refused: it is no longer empty.
    const again = await script("restore", [folder], env);
    expect(again.code).toBe(1);
    expect(again.output).toBe(
      "The target database already has tables. Restore into a new, empty database (createdb), owned by the role that migrates, and point the app at it.",
    );
  }, 180_000);

  it("says which table differs when the copy does not match the manifest", async () => {
    const altered = path.join(work, "altered");
    cpSync(folder, altered, { recursive: true });
    const manifestFile = path.join(altered, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { tables: Digests };
    manifest.tables.evidence_item!.checksum = "0".repeat(32);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const target = await roles.createSibling();
    const result = await script("restore", [altered], {
      DATABASE_URL: target.appUrl,
      MIGRATION_DATABASE_URL: target.ownerUrl,
      AUDIT_CHECKPOINT_FILE: path.join(work, "other.jsonl"),
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^DIFFERS evidence_item: same \d+ rows, different content$/m);
  }, 120_000);
});
