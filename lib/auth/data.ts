/** Reads for sign-in, session checks and two-factor. Callers pass defined ids; see session.ts. */
import "server-only";
import { db } from "@/lib/db";
import type { EvaluationRole, Locale, Prisma } from "@/lib/generated/prisma/client";

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

/** What every request needs to know about its session, read in one statement (see below). */
export type SessionWithUser = {
  id: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  twoFactorVerifiedAt: Date | null;
  user: {
    id: string;
    email: string;
    name: string;
    isAdmin: boolean;
    locale: Locale;
    disabledAt: Date | null;
    totpEnabledAt: Date | null;
  };
  /** The installation requires two-factor sign-in of leads, evaluators and administrators. */
  twoFactorRequired: boolean;
  /** Every role the user holds in any evaluation, for `holdsIdentityRole` (policy.ts). */
  evaluationRoles: EvaluationRole[];
  /**
   * The user's roles in each evaluation they are a member of (evaluation id -> roles, possibly
   * empty), read with the session so a member's access needs no statement of its own (decision 0046).
   */
  memberships: ReadonlyMap<string, readonly EvaluationRole[]>;
};

/**
 * A session row with the user it belongs to, the installation's two-factor rule and the user's
 * roles in each evaluation; never the password hash or the TOTP secret. Every page and action
 * asks this first, so it is one statement instead of four (decision 0046). It is read per
 * request, so a membership removed is refused from the next request on.
 */
export async function findSessionWithUser(sessionId: string): Promise<SessionWithUser | null> {
  const rows = await db().$queryRaw<
    // One flat row: the session's columns, then the user's (their id is the session's userId).
    Array<
      Omit<SessionWithUser, "user" | "evaluationRoles" | "memberships"> &
        Omit<SessionWithUser["user"], "id"> & { memberships: Array<[string, EvaluationRole[]]> }
    >
  >`
    SELECT s.id, s.user_id AS "userId", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt",
      s.revoked_at AS "revokedAt", s.two_factor_verified_at AS "twoFactorVerifiedAt",
      u.email, u.name, u.is_admin AS "isAdmin", u.locale::text AS locale, u.disabled_at AS "disabledAt",
      u.totp_enabled_at AS "totpEnabledAt",
      COALESCE((SELECT i.require_two_factor_for_identity_roles FROM installation_settings i WHERE i.id = 1), false)
        AS "twoFactorRequired",
      (SELECT coalesce(json_agg(json_build_array(m.evaluation_id, m.roles)), '[]'::json)
         FROM evaluation_member m WHERE m.user_id = u.id) AS memberships
    FROM user_session s JOIN app_user u ON u.id = s.user_id
    WHERE s.id = ${sessionId}`;
  const row = rows[0];
  if (!row) return null;
  // A Map, not an object: an evaluation id such as "constructor" must not find Object's own keys.
  const memberships = new Map(row.memberships);
  return {
    id: row.id,
    userId: row.userId,
    expiresAt: row.expiresAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
    twoFactorVerifiedAt: row.twoFactorVerifiedAt,
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      isAdmin: row.isAdmin,
      locale: row.locale,
      disabledAt: row.disabledAt,
      totpEnabledAt: row.totpEnabledAt,
    },
    twoFactorRequired: row.twoFactorRequired,
    evaluationRoles: [...new Set([...memberships.values()].flat())],
    memberships,
  };
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
