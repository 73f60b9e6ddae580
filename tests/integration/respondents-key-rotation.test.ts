/**
 * Key rotation against a real database: values sealed with the old key are readable with only the
 * new key afterwards (identities and TOTP secrets), a second run changes nothing, a value no key
 * opens is reported and left alone, and the command-line script does the same job.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyFingerprint, open, seal, type KeyRing } from "@/lib/crypto";
import {
  buildRespondent,
  buildRespondentIdentity,
  buildUser,
  createEvaluationWithTeam,
  type EvaluationWithTeam,
} from "@/tests/factories";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let team: EvaluationWithTeam;
let rotation: typeof import("@/lib/respondents/key-rotation");
let sealing: typeof import("@/lib/respondents/sealing");

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const strayKey = randomBytes(32);
const oldRing: KeyRing = { current: oldKey, previous: [] };
const rotationRing: KeyRing = { current: newKey, previous: [oldKey] };
const newOnly: KeyRing = { current: newKey, previous: [] };

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  [rotation, sealing] = await Promise.all([
    import("@/lib/respondents/key-rotation"),
    import("@/lib/respondents/sealing"),
  ]);
  team = await createEvaluationWithTeam(database.prisma, { roles: ["EVALUATOR"] });
});

afterAll(async () => {
  await database?.close();
});

async function seedSealed(count: number, ring: KeyRing) {
  const respondents = Array.from({ length: count }, () => buildRespondent({ evaluationId: team.evaluation.id }));
  await database.prisma.respondent.createMany({ data: respondents });
  const identities = respondents.map((respondent, index) =>
    buildRespondentIdentity(
      {
        evaluationId: team.evaluation.id,
        respondentId: respondent.id,
        name: `Persona ${index}`,
        phone: `+52 55 0000 ${String(index).padStart(4, "0")}`,
      },
      ring,
    ),
  );
  await database.prisma.respondentIdentity.createMany({ data: identities });
  return respondents.map((respondent) => respondent.id);
}

async function readAll(ring: KeyRing, ids: string[]) {
  const rows = await database.prisma.respondentIdentity.findMany({
    where: { respondentId: { in: ids } },
    orderBy: { respondentId: "asc" },
  });
  return rows.map((row) => ({ keyId: row.keyId, values: sealing.openIdentity(row.respondentId, row, ring) }));
}

describe("rotating the encryption key", () => {
  it("re-seals every identity and TOTP secret so that only the new key is needed, in batches, idempotently", async () => {
    const ids = await seedSealed(7, oldRing);
    const before = await readAll(oldRing, ids);
    const user = buildUser();
    await database.prisma.user.create({
      data: { ...user, totpSecret: seal("JBSWY3DPEHPK3PXP", `user:${user.id}:totp`, oldRing) },
    });
    await expect(readAll(newOnly, ids)).rejects.toThrow();

    const report = await rotation.rotateSealedValues(database.prisma, rotationRing, { batchSize: 3 });
    expect(report.identities).toEqual({ resealed: 7, failed: [] });
    expect(report.totpSecrets).toEqual({ resealed: 1, failed: [] });
    expect(report.batches).toBe(4); // 3 + 3 + 1 identities, 1 user

    const after = await readAll(newOnly, ids);
    expect(after.map((row) => row.values)).toEqual(before.map((row) => row.values));
    expect(new Set(after.map((row) => row.keyId))).toEqual(new Set([keyFingerprint(newKey)]));
    const { totpSecret } = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(open(totpSecret!, `user:${user.id}:totp`, newOnly)).toBe("JBSWY3DPEHPK3PXP");

    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { action: "encryption.key_rotate" },
      orderBy: { createdAt: "desc" },
    });
    expect(event).toMatchObject({ evaluationId: null, recordId: keyFingerprint(newKey) });
    expect(event.after).toMatchObject({ identitiesResealed: 7, totpSecretsResealed: 1 });
    expect(JSON.stringify(event.after)).not.toContain("Persona");

    const again = await rotation.rotateSealedValues(database.prisma, rotationRing, { batchSize: 3 });
    expect(again).toMatchObject({
      identities: { resealed: 0, failed: [] },
      totpSecrets: { resealed: 0, failed: [] },
      batches: 0,
    });
    expect(await database.prisma.auditEvent.count({ where: { action: "encryption.key_rotate" } })).toBe(1);
  });

  it("reports a value no configured key opens, leaves it as it is, and still re-seals the rest", async () => {
    const stray = await seedSealed(1, { current: strayKey, previous: [] });
    const fine = await seedSealed(2, oldRing);
    const strayBefore = await database.prisma.respondentIdentity.findFirstOrThrow({
      where: { respondentId: stray[0] },
    });
    const report = await rotation.rotateSealedValues(database.prisma, rotationRing, { batchSize: 500 });
    expect(report.identities.resealed).toBe(2);
    expect(report.identities.failed).toEqual([strayBefore.id]);
    expect(await database.prisma.respondentIdentity.findFirstOrThrow({ where: { respondentId: stray[0] } })).toEqual(
      strayBefore,
    );
    expect((await readAll(newOnly, fine)).every((row) => row.keyId === keyFingerprint(newKey))).toBe(true);
  });

  it("skips destroyed identities (nothing left to seal)", async () => {
    const [id] = await seedSealed(1, oldRing);
    await database.prisma.respondentIdentity.updateMany({
      where: { respondentId: id },
      data: { nameCiphertext: null, contactCiphertext: null, communityCiphertext: null, destroyedAt: new Date() },
    });
    const report = await rotation.rotateSealedValues(database.prisma, rotationRing);
    expect(report.identities.resealed).toBe(0);
  });

  it("works from the command line: npm run encryption:rotate", async () => {
    const ids = await seedSealed(2, { current: newKey, previous: [] });
    const nextKey = randomBytes(32);
    const run = promisify(execFile);
    // The stray value of the test above still opens with no key: the run says so and exits with 1.
    const failure = await run(
      "npx",
      ["tsx", "--import", "./scripts/server-side.mjs", "scripts/rotate-encryption-key.ts", "--batch-size=50"],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          IDENTITY_ENCRYPTION_KEY: nextKey.toString("base64"),
          IDENTITY_ENCRYPTION_KEY_PREVIOUS: `${newKey.toString("base64")},${oldKey.toString("base64")}`,
        },
        timeout: 60_000,
      },
    ).then(
      () => null,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/No configured key opens these rows/);
    const stdout = failure?.stdout ?? "";
    expect(stdout).toMatch(/Respondent identities re-sealed: \d+; could not be opened: 1\./);
    expect(stdout).toMatch(/Two-factor secrets re-sealed: 1; could not be opened: 0\./);
    const rows = await readAll({ current: nextKey, previous: [] }, ids);
    expect(rows.map((row) => row.keyId)).toEqual([keyFingerprint(nextKey), keyFingerprint(nextKey)]);
  }, 90_000);
});
