/**
 * Re-seals every sealed value with the current key (docs/decisions/0004-key-rotation.md):
 * respondent identities and users' TOTP secrets. Rows are taken in id order, in batches; each
 * batch is one transaction that locks its rows (FOR UPDATE), so an edit made meanwhile by the app
 * is neither lost nor overwritten. Rows already sealed with the current key are not touched, so a
 * second run changes nothing. A value that no configured key opens is counted, left as it is, and
 * makes the run fail.
 */
import { recordAudit } from "@/lib/audit";
import { totpSealContext } from "@/lib/auth/totp";
import { keyFingerprint, open, seal, SealError, type KeyRing } from "@/lib/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { identityContext, resealBytes } from "./sealing";

export type RotationCounts = { resealed: number; failed: string[] };
export type RotationReport = {
  keyId: string;
  identities: RotationCounts;
  totpSecrets: RotationCounts;
  batches: number;
};

type IdentityRow = {
  id: string;
  respondentId: string;
  nameCiphertext: Uint8Array | null;
  contactCiphertext: Uint8Array | null;
  communityCiphertext: Uint8Array | null;
};

type UserRow = { id: string; totpSecret: string };

const BATCH_OPTIONS = { maxWait: 15_000, timeout: 120_000 } as const;

export async function rotateSealedValues(
  prisma: PrismaClient,
  ring: KeyRing,
  options: { batchSize?: number; log?: (line: string) => void } = {},
): Promise<RotationReport> {
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, 10_000));
  const log = options.log ?? (() => {});
  const keyId = keyFingerprint(ring.current);
  const report: RotationReport = {
    keyId,
    identities: { resealed: 0, failed: [] },
    totpSecrets: { resealed: 0, failed: [] },
    batches: 0,
  };

  let after = "";
  for (;;) {
    const rows = await prisma.$transaction(async (tx) => {
      const batch = await tx.$queryRaw<IdentityRow[]>`
        SELECT id, respondent_id AS "respondentId", name_ciphertext AS "nameCiphertext",
               contact_ciphertext AS "contactCiphertext", community_ciphertext AS "communityCiphertext"
        FROM respondent_identity
        WHERE key_id <> ${keyId} AND destroyed_at IS NULL AND id > ${after}
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE`;
      for (const row of batch) {
        try {
          const data = {
            nameCiphertext: resealBytes(row.nameCiphertext, identityContext(row.respondentId, "name"), ring),
            contactCiphertext: resealBytes(row.contactCiphertext, identityContext(row.respondentId, "contact"), ring),
            communityCiphertext: resealBytes(
              row.communityCiphertext,
              identityContext(row.respondentId, "community"),
              ring,
            ),
            keyId,
          };
          await tx.respondentIdentity.update({ where: { id: row.id }, data, select: { id: true } });
          report.identities.resealed += 1;
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          report.identities.failed.push(row.id);
        }
      }
      return batch;
    }, BATCH_OPTIONS);
    if (rows.length === 0) break;
    report.batches += 1;
    after = rows[rows.length - 1]!.id;
    log(`respondent identities: ${report.identities.resealed} re-sealed so far`);
    if (rows.length < batchSize) break;
  }

  after = "";
  const current = `v1.${keyId}.%`;
  for (;;) {
    const rows = await prisma.$transaction(async (tx) => {
      const batch = await tx.$queryRaw<UserRow[]>`
        SELECT id, totp_secret AS "totpSecret"
        FROM app_user
        WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE ${current} AND id > ${after}
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE`;
      for (const row of batch) {
        const context = totpSealContext(row.id);
        try {
          const totpSecret = seal(open(row.totpSecret, context, ring), context, ring);
          await tx.user.update({ where: { id: row.id }, data: { totpSecret }, select: { id: true } });
          report.totpSecrets.resealed += 1;
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          report.totpSecrets.failed.push(row.id);
        }
      }
      return batch;
    }, BATCH_OPTIONS);
    if (rows.length === 0) break;
    report.batches += 1;
    after = rows[rows.length - 1]!.id;
    log(`two-factor secrets: ${report.totpSecrets.resealed} re-sealed so far`);
    if (rows.length < batchSize) break;
  }

  const changed = report.identities.resealed + report.totpSecrets.resealed;
  const failed = report.identities.failed.length + report.totpSecrets.failed.length;
  if (changed + failed > 0) {
    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        evaluationId: null,
        actorId: null,
        action: "encryption.key_rotate",
        recordType: "EncryptionKey",
        recordId: keyId,
        after: {
          identitiesResealed: report.identities.resealed,
          totpSecretsResealed: report.totpSecrets.resealed,
          identitiesFailed: report.identities.failed,
          totpSecretsFailed: report.totpSecrets.failed,
        },
      }),
    );
  }
  return report;
}
