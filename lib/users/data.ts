/** Reads for user administration. Callers (admin pages) check `user.list` first. */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { USERS_PER_PAGE, type UserListQuery } from "./schema";

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  locale: "ES" | "EN";
  isAdmin: boolean;
  /** Pending: created by an administrator, no password chosen yet. */
  status: "ACTIVE" | "PENDING" | "DISABLED";
  lastSignInAt: Date | null;
};

export type UserListPage = { users: UserListItem[]; total: number; page: number; pageCount: number };

/**
 * Prisma sends `contains` as a bound parameter inside LIKE, but does not escape LIKE's own
 * wildcards: without this, a search for "%" or "_" would match every user.
 */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function searchWhere(q: string): Prisma.UserWhereInput {
  if (!q) return {};
  const pattern = escapeLike(q);
  return { OR: [{ name: { contains: pattern, mode: "insensitive" } }, { email: { contains: pattern.toLowerCase() } }] };
}

/** One page of users by name, 25 at a time; a page past the end shows the last page. */
export async function listUsers(query: UserListQuery): Promise<UserListPage> {
  const where = searchWhere(query.q);
  const total = await db().user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PER_PAGE,
    take: USERS_PER_PAGE,
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      isAdmin: true,
      disabledAt: true,
      passwordHash: true,
      lastSignInAt: true,
    },
  });
  return {
    total,
    page,
    pageCount,
    // The hash is read only to tell "pending" apart; it never leaves this function.
    users: rows.map(({ passwordHash, disabledAt, ...row }) => ({
      ...row,
      status: disabledAt ? "DISABLED" : passwordHash === null ? "PENDING" : "ACTIVE",
    })),
  };
}

export async function getTwoFactorRequirement(): Promise<boolean> {
  const settings = await db().installationSettings.findUnique({
    where: { id: 1 },
    select: { requireTwoFactorForIdentityRoles: true },
  });
  return settings?.requireTwoFactorForIdentityRoles ?? false;
}

/** What the account set-up page shows, for a user the link was made for. */
export function findUserForAccountSetup(userId: string) {
  return db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, updatedAt: true, passwordHash: true, disabledAt: true },
  });
}
