/**
 * User administration writes. Each takes explicit ids, runs one transaction that checks the state,
 * writes, and records the audit event (installation chain: `evaluationId: null`).
 * Expected refusals are returned as `{ rejected }`; a missing user throws NOT_FOUND.
 */
import "server-only";
import type { Rejection } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { revokeAllSessionsOfUser } from "@/lib/auth/mutations";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateUserInput } from "./schema";
import { accountSetupTokenFits, createAccountSetupToken, parseAccountSetupToken } from "./setup-token";

export type Meta = { ipAddress?: string | null };

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a user without a password and returns the one-time set-up token (never stored). */
export async function createUser(
  actorId: string,
  input: CreateUserInput,
  meta: Meta = {},
): Promise<{ userId: string; setupToken: string } | Rejection> {
  try {
    const user = await db().$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (taken) return null;
      const created = await tx.user.create({
        data: { name: input.name, email: input.email, locale: input.locale, isAdmin: input.isAdmin },
        select: { id: true, updatedAt: true },
      });
      await recordAudit(tx, {
        evaluationId: null,
        actorId,
        action: "user.create",
        recordType: "User",
        recordId: created.id,
        after: { name: input.name, email: input.email, locale: input.locale, isAdmin: input.isAdmin },
        ipAddress: meta.ipAddress,
      });
      return created;
    });
    if (!user) return { rejected: "EMAIL_TAKEN", field: "email" };
    return { userId: user.id, setupToken: createAccountSetupToken(user) };
  } catch (error) {
    // Two administrators creating the same address at once: the unique index decides.
    if (isUniqueViolation(error)) return { rejected: "EMAIL_TAKEN", field: "email" };
    throw error;
  }
}

/** Disables the user and ends all their sessions in the same transaction. */
export async function disableUser(
  actorId: string,
  userId: string,
  meta: Meta = {},
  now = new Date(),
): Promise<{ changed: boolean } | Rejection> {
  if (actorId === userId) return { rejected: "CANNOT_DISABLE_SELF" };
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "disableUser: no such user");
    if (user.disabledAt) return { changed: false };
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now }, select: { id: true } });
    await revokeAllSessionsOfUser(tx, userId);
    await recordAudit(tx, {
      evaluationId: null,
      actorId,
      action: "user.disable",
      recordType: "User",
      recordId: userId,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString() },
      ipAddress: meta.ipAddress,
    });
    return { changed: true };
  });
}

export async function enableUser(actorId: string, userId: string, meta: Meta = {}): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "enableUser: no such user");
    if (!user.disabledAt) return { changed: false };
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null }, select: { id: true } });
    await recordAudit(tx, {
      evaluationId: null,
      actorId,
      action: "user.enable",
      recordType: "User",
      recordId: userId,
      before: { disabledAt: user.disabledAt.toISOString() },
      after: { disabledAt: null },
      ipAddress: meta.ipAddress,
    });
    return { changed: true };
  });
}

/**
 * A fresh set-up link for a user who has not chosen a password yet. Touching the row moves
 * `updatedAt`, so every earlier link for this user stops working.
 */
export type SetupLinkRecipient = { id: string; email: string; name: string; locale: "ES" | "EN" };

export async function issueAccountSetupLink(
  actorId: string,
  userId: string,
  meta: Meta = {},
): Promise<{ setupToken: string; user: SetupLinkRecipient } | Rejection> {
  const outcome = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "issueAccountSetupLink: no such user");
    if (user.disabledAt) return { rejected: "USER_DISABLED" } satisfies Rejection;
    if (user.passwordHash !== null) return { rejected: "ACCOUNT_ALREADY_SET_UP" } satisfies Rejection;
    const touched = await tx.user.update({
      where: { id: userId },
      data: { updatedAt: new Date() },
      select: { id: true, updatedAt: true, email: true, name: true, locale: true },
    });
    await recordAudit(tx, {
      evaluationId: null,
      actorId,
      action: "user.setup_link",
      recordType: "User",
      recordId: userId,
      after: { setupLinkIssued: true },
      ipAddress: meta.ipAddress,
    });
    return touched;
  });
  if ("rejected" in outcome) return outcome;
  const { updatedAt, ...user } = outcome;
  return { setupToken: createAccountSetupToken({ id: user.id, updatedAt }), user };
}

/** The new user follows their link, chooses a name and a password. The link then dies. */
export async function completeAccountSetup(
  input: { token: string; name: string; password: string },
  meta: Meta = {},
  now = new Date(),
): Promise<{ userId: string; email: string } | Rejection> {
  const invalid = { rejected: "LINK_INVALID" } satisfies Rejection;
  const parsed = parseAccountSetupToken(input.token);
  if (!parsed) return invalid;
  // Hashed before the transaction: argon2 is slow on purpose.
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: parsed.userId },
      select: { id: true, name: true, email: true, updatedAt: true, passwordHash: true, disabledAt: true },
    });
    if (!user || !accountSetupTokenFits(parsed, user, now)) return invalid;
    // Conditional on the state the link was made for: of two concurrent uses, one wins.
    const claimed = await tx.user.updateMany({
      where: { id: user.id, updatedAt: user.updatedAt, passwordHash: null, disabledAt: null },
      data: { name: input.name, passwordHash },
    });
    if (claimed.count !== 1) return invalid;
    await recordAudit(tx, {
      evaluationId: null,
      actorId: user.id,
      action: "user.setup",
      recordType: "User",
      recordId: user.id,
      before: user.name === input.name ? { passwordSet: false } : { name: user.name, passwordSet: false },
      after: user.name === input.name ? { passwordSet: true } : { name: input.name, passwordSet: true },
      ipAddress: meta.ipAddress,
    });
    return { userId: user.id, email: user.email };
  });
}
