/**
 * Writes for a user's own two-factor sign-in: start a set-up, confirm it with a code, turn it
 * off with a code. Explicit ids, never the session; a wrong code counts as a failed sign-in try.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { open, seal } from "@/lib/crypto";
import { db } from "@/lib/db";
import { findIdentityRoles, getInstallationSettings } from "./data";
import {
  consumeTotpStep,
  openSignInAttempt,
  recordSignInFailure,
  revokeAllSessionsOfUser,
  type RequestMeta,
} from "./mutations";
import { holdsIdentityRole, mayDisableTwoFactor } from "./policy";
import { generateTotpSecret, matchTotpCode, totpSealContext } from "./totp";

export type TwoFactorOutcome<R extends string> = { ok: true } | { ok: false; reason: R };

function loadUser(userId: string) {
  if (typeof userId !== "string" || userId.length === 0) throw new Error("two-factor: no user id");
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, isAdmin: true, totpSecret: true, totpEnabledAt: true, totpLastUsedStep: true },
  });
}

/** A new secret, sealed, not yet in force; replaces any earlier set-up that was never confirmed. */
export async function startTwoFactorSetup(
  userId: string,
  meta: RequestMeta,
): Promise<TwoFactorOutcome<"ALREADY_ENABLED">> {
  const secret = generateTotpSecret();
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecret: seal(secret, totpSealContext(userId)), totpLastUsedStep: null },
    });
    if (count !== 1) return { ok: false, reason: "ALREADY_ENABLED" } as const;
    await recordAudit(tx, {
      evaluationId: null,
      actorId: userId,
      action: "account.two_factor_setup_started",
      recordType: "User",
      recordId: userId,
      ipAddress: meta.ipAddress,
    });
    return { ok: true } as const;
  });
}

type CodeCheck =
  { ok: true; step: number; attemptId: string } | { ok: false; reason: "TOO_MANY_ATTEMPTS" | "CODE_INVALID" };

/** Counts the try like a sign-in, refuses while locked out or throttled, and matches the code (±1 step, no replay). */
async function checkCode(
  user: { id: string; email: string; totpSecret: string; totpLastUsedStep: number | null },
  code: string,
  meta: RequestMeta,
  now: Date,
): Promise<CodeCheck> {
  const attempt = await openSignInAttempt(user.email, meta, now);
  const fail = async (reason: "LOCKED_OUT" | "ADDRESS_THROTTLED" | "TOTP_INVALID") => {
    await recordSignInFailure({
      attemptId: attempt.attemptId,
      email: user.email,
      reason,
      ipAddress: meta.ipAddress,
      actorId: user.id,
      action: "account.two_factor_code_failed",
    });
    return { ok: false, reason: reason === "TOTP_INVALID" ? "CODE_INVALID" : "TOO_MANY_ATTEMPTS" } as const;
  };
  if (attempt.refusal) return fail(attempt.refusal);
  const step = matchTotpCode(open(user.totpSecret, totpSealContext(user.id)), code, now, user.totpLastUsedStep);
  return step === null ? fail("TOTP_INVALID") : { ok: true, step, attemptId: attempt.attemptId };
}

/**
 * Confirms the set-up with a current code: two-factor is on from now, this session counts as
 * having passed it, and the user's other sessions (password only) are ended.
 */
export async function confirmTwoFactorSetup(
  userId: string,
  sessionId: string,
  code: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<TwoFactorOutcome<"ALREADY_ENABLED" | "NO_SETUP" | "TOO_MANY_ATTEMPTS" | "CODE_INVALID">> {
  const user = await loadUser(userId);
  if (!user?.totpSecret) return { ok: false, reason: "NO_SETUP" };
  if (user.totpEnabledAt) return { ok: false, reason: "ALREADY_ENABLED" };
  const check = await checkCode({ ...user, totpSecret: user.totpSecret }, code, meta, now);
  if (!check.ok) return check;

  return db().$transaction(async (tx) => {
    // The secret must still be the one the code was checked against (no set-up restarted meanwhile).
    const still = await tx.user.count({ where: { id: userId, totpSecret: user.totpSecret, totpEnabledAt: null } });
    if (still !== 1 || !(await consumeTotpStep(tx, userId, check.step, { totpEnabledAt: now }))) {
      return { ok: false, reason: "CODE_INVALID" } as const;
    }
    await tx.signInAttempt.update({ where: { id: check.attemptId }, data: { succeeded: true }, select: { id: true } });
    await tx.userSession.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { twoFactorVerifiedAt: now },
    });
    const otherSessionsEnded = await revokeAllSessionsOfUser(tx, userId, { now, exceptSessionId: sessionId });
    await recordAudit(tx, {
      evaluationId: null,
      actorId: userId,
      action: "account.two_factor_enabled",
      recordType: "User",
      recordId: userId,
      before: { twoFactorEnabled: false },
      after: { twoFactorEnabled: true, otherSessionsEnded },
      ipAddress: meta.ipAddress,
    });
    return { ok: true } as const;
  });
}

/** Turns two-factor off with a current code, unless the installation requires it of this user. */
export async function disableTwoFactor(
  userId: string,
  code: string,
  meta: RequestMeta,
  now = new Date(),
): Promise<TwoFactorOutcome<"NOT_ENABLED" | "REQUIRED_BY_INSTALLATION" | "TOO_MANY_ATTEMPTS" | "CODE_INVALID">> {
  const user = await loadUser(userId);
  if (!user?.totpEnabledAt || !user.totpSecret) return { ok: false, reason: "NOT_ENABLED" };
  const [settings, roles] = await Promise.all([
    getInstallationSettings(),
    user.isAdmin ? [] : findIdentityRoles(userId),
  ]);
  if (
    !mayDisableTwoFactor({
      required: settings.requireTwoFactorForIdentityRoles,
      identityRole: holdsIdentityRole(user.isAdmin, roles),
    })
  ) {
    return { ok: false, reason: "REQUIRED_BY_INSTALLATION" };
  }
  const check = await checkCode({ ...user, totpSecret: user.totpSecret }, code, meta, now);
  if (!check.ok) return check;

  return db().$transaction(async (tx) => {
    if (!(await consumeTotpStep(tx, userId, check.step))) return { ok: false, reason: "CODE_INVALID" } as const;
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null },
      select: { id: true },
    });
    await tx.signInAttempt.update({ where: { id: check.attemptId }, data: { succeeded: true }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: null,
      actorId: userId,
      action: "account.two_factor_disabled",
      recordType: "User",
      recordId: userId,
      before: { twoFactorEnabled: true },
      after: { twoFactorEnabled: false },
      ipAddress: meta.ipAddress,
    });
    return { ok: true } as const;
  });
}
