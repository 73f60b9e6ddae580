/**
 * Writes for sign-in, sign-out, session upkeep and the installation's two-factor rule. They take
 * explicit ids and never read the session; each change writes its audit event in its transaction.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { UNKNOWN_ADDRESS } from "@/lib/security/client-address";
import { failureWindowStart, SESSION_LIFETIME_MS, signInRefusal } from "./policy";

type Tx = Prisma.TransactionClient;
export type RequestMeta = { ipAddress: string; userAgent: string | null };

/** Why a try failed; recorded in the audit event only, never shown (the browser gets one answer). */
export type FailureReason = "MALFORMED" | "INVALID_CREDENTIALS" | "LOCKED_OUT" | "ADDRESS_THROTTLED" | "TOTP_INVALID";

/**
 * Records the try as failed *before* checking it, then counts the failures in the window of its
 * e-mail address and of its client address (one query each, on the `(email, created_at)` and
 * `(ip_address, created_at)` indexes). Because the row is written first, concurrent tries see
 * each other: however many arrive at once, at most SIGN_IN_FAILURE_LIMIT per account and
 * ADDRESS_FAILURE_LIMIT per client address are checked. An unknown client address is not
 * counted as one. A try that then succeeds is flipped to `succeeded` by `recordPasswordVerified`,
 * `startUserSession` or the two-factor checks on the account pages.
 */
export async function openSignInAttempt(email: string, meta: RequestMeta, now = new Date()) {
  const attempt = await db().signInAttempt.create({
    data: { email, ipAddress: meta.ipAddress, succeeded: false, createdAt: now },
    select: { id: true },
  });
  const since = failureWindowStart(now);
  const [accountFailures, addressFailures] = await Promise.all([
    db().signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    meta.ipAddress === UNKNOWN_ADDRESS
      ? null
      : db().signInAttempt.count({ where: { ipAddress: meta.ipAddress, succeeded: false, createdAt: { gte: since } } }),
  ]);
  const refusal = signInRefusal(accountFailures - 1, addressFailures === null ? null : addressFailures - 1);
  return { attemptId: attempt.id, refusal };
}

type FailureInput = {
  attemptId: string;
  /** Lower-cased; null when what was typed is not an e-mail address (it might be a password). */
  email: string | null;
  reason: FailureReason;
  ipAddress: string;
  /** The account, for failures on the account pages; null on the sign-in page, where it is unknown. */
  actorId?: string | null;
  action?: "auth.sign_in_failed" | "account.two_factor_code_failed";
};

/** The audit event for a try `openSignInAttempt` already counted as failed. Never holds the password. */
export async function recordSignInFailure(input: FailureInput): Promise<void> {
  await db().$transaction((tx) =>
    recordAudit(tx, {
      evaluationId: null,
      actorId: input.actorId ?? null,
      action: input.action ?? "auth.sign_in_failed",
      recordType: "SignInAttempt",
      recordId: input.attemptId,
      after: { email: input.email, reason: input.reason },
      ipAddress: input.ipAddress,
    }),
  );
}

/**
 * A try the form would not have sent (empty or oversized password, not an e-mail address). It
 * counts against the address when there is one; what was typed in place of an address (perhaps
 * a password in the wrong field) is neither stored nor audited: such tries are counted under "".
 */
export async function recordMalformedSignIn(email: string | null, meta: RequestMeta, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const attempt = await tx.signInAttempt.create({
      data: { email: email ?? "", ipAddress: meta.ipAddress, succeeded: false, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      evaluationId: null,
      actorId: null,
      action: "auth.sign_in_failed",
      recordType: "SignInAttempt",
      recordId: attempt.id,
      after: { email, reason: "MALFORMED" },
      ipAddress: meta.ipAddress,
    });
  });
}

/**
 * The password was right and a code is now asked for: not a failure. The audit event shows that
 * someone knew the password, which matters if no code follows.
 */
export async function recordPasswordVerified(attemptId: string, userId: string, meta: RequestMeta): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: null,
      actorId: userId,
      action: "auth.sign_in_code_requested",
      recordType: "SignInAttempt",
      recordId: attemptId,
      ipAddress: meta.ipAddress,
    });
  });
}

/** Thrown inside `startUserSession` when the TOTP step was used meanwhile (a concurrent replay). */
export class TotpStepUsedError extends Error {}

/** Marks `step` as used unless it or a later step already was; false when it was (replay). */
export async function consumeTotpStep(
  tx: Tx,
  userId: string,
  step: number,
  extra: Prisma.UserUpdateManyMutationInput = {},
) {
  const { count } = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
    data: { ...extra, totpLastUsedStep: step },
  });
  return count === 1;
}

type SessionStart = {
  userId: string;
  attemptId: string;
  meta: RequestMeta;
  /** The TOTP step the code matched; the session then counts as having passed the second factor. */
  totpStep?: number | null;
  now?: Date;
};

/**
 * Opens a session row, stamps the user's last sign-in, marks the try as succeeded, uses up the
 * TOTP step and writes the audit event, all or nothing.
 */
export async function startUserSession({ userId, attemptId, meta, totpStep = null, now = new Date() }: SessionStart) {
  return db().$transaction(async (tx) => {
    if (totpStep !== null && !(await consumeTotpStep(tx, userId, totpStep))) throw new TotpStepUsedError();
    const session = await tx.userSession.create({
      data: {
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
        twoFactorVerifiedAt: totpStep !== null ? now : null,
        ipAddress: meta.ipAddress,
        userAgent: meta.userAgent,
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } });
    await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: null,
      actorId: userId,
      action: "auth.sign_in",
      recordType: "UserSession",
      recordId: session.id,
      after: { twoFactor: totpStep !== null },
      ipAddress: meta.ipAddress,
    });
    return session;
  });
}

/** Ends the session (sign-out) and audits it; a second call changes and records nothing. */
export async function revokeUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const ended = await tx.userSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now },
      select: { userId: true },
    });
    if (ended.length !== 1) return;
    await recordAudit(tx, {
      evaluationId: null,
      actorId: ended[0]!.userId,
      action: "auth.sign_out",
      recordType: "UserSession",
      recordId: sessionId,
    });
  });
}

/**
 * Ends every open session of the user, inside the caller's transaction (disabling a user,
 * changing roles, turning two-factor on): their next request is signed out. The caller's own
 * audit event covers it; the count is returned for that event.
 */
export async function revokeAllSessionsOfUser(
  tx: Tx,
  userId: string,
  options: { now?: Date; exceptSessionId?: string } = {},
): Promise<number> {
  // Prisma drops `undefined` from a where: without this check a missing id would end everyone's sessions.
  if (typeof userId !== "string" || userId.length === 0) throw new Error("revokeAllSessionsOfUser: no user id");
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count;
}

export async function touchUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
}

/**
 * The admin's switch: require two-factor sign-in of every lead, evaluator and admin. Users it
 * newly applies to are sent to set it up on their next request (see session.ts). Audited when
 * it changes; setting the current value again writes nothing.
 */
export async function setTwoFactorRequirement(actorId: string, required: boolean, ipAddress: string | null = null) {
  return db().$transaction(async (tx) => {
    const before = await tx.installationSettings.findUnique({
      where: { id: 1 },
      select: { requireTwoFactorForIdentityRoles: true },
    });
    const previous = before?.requireTwoFactorForIdentityRoles ?? false;
    if (previous === required) return { requireTwoFactorForIdentityRoles: required };
    await tx.installationSettings.upsert({
      where: { id: 1 },
      create: { id: 1, requireTwoFactorForIdentityRoles: required, updatedById: actorId },
      update: { requireTwoFactorForIdentityRoles: required, updatedById: actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      evaluationId: null,
      actorId,
      action: "settings.two_factor_requirement",
      recordType: "InstallationSettings",
      recordId: "1",
      before: { requireTwoFactorForIdentityRoles: previous },
      after: { requireTwoFactorForIdentityRoles: required },
      ipAddress,
    });
    return { requireTwoFactorForIdentityRoles: required };
  });
}
