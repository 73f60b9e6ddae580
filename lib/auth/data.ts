/** Reads for sign-in, session checks and two-factor. Callers pass defined ids; see session.ts. */
import "server-only";
import { db } from "@/lib/db";
import type { EvaluationRole, Prisma } from "@/lib/generated/prisma/client";

type Reader = Pick<Prisma.TransactionClient, "installationSettings" | "evaluationMember">;

/** The fields sign-in needs, found by the lower-cased e-mail address. */
export function findUserForSignIn(email: string) {
  return db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      disabledAt: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastUsedStep: true,
    },
  });
}

/** A session row with the user it belongs to; never the password hash or the TOTP secret. */
export function findSessionWithUser(sessionId: string) {
  return db().userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      lastSeenAt: true,
      revokedAt: true,
      twoFactorVerifiedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          isAdmin: true,
          locale: true,
          disabledAt: true,
          totpEnabledAt: true,
        },
      },
    },
  });
}

export type InstallationSettingsView = { requireTwoFactorForIdentityRoles: boolean };

/** The installation's settings; the defaults when the row was never written. */
export async function getInstallationSettings(reader: Reader = db()): Promise<InstallationSettingsView> {
  const row = await reader.installationSettings.findUnique({
    where: { id: 1 },
    select: { requireTwoFactorForIdentityRoles: true },
  });
  return { requireTwoFactorForIdentityRoles: row?.requireTwoFactorForIdentityRoles ?? false };
}

/**
 * The roles of one membership in which the user is a lead or evaluator; [] when there is none.
 * With `holdsIdentityRole` (policy.ts) this says whether the two-factor rule applies to them.
 */
export async function findIdentityRoles(userId: string, reader: Reader = db()): Promise<EvaluationRole[]> {
  if (typeof userId !== "string" || userId.length === 0) throw new Error("findIdentityRoles: no user id");
  const row = await reader.evaluationMember.findFirst({
    where: { userId, roles: { hasSome: ["LEAD", "EVALUATOR"] } },
    select: { roles: true },
  });
  return row?.roles ?? [];
}

/** What the two-factor page shows: whether it is on, and the sealed secret of a set-up in progress. */
export function findTwoFactorState(userId: string) {
  if (typeof userId !== "string" || userId.length === 0) throw new Error("findTwoFactorState: no user id");
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, isAdmin: true, totpSecret: true, totpEnabledAt: true },
  });
}
