/** What the user pages read: the installation's people for administrators, and an account set-up link's person. */
import type { Reader } from "@/lib/evaluations/access";
import { can, rolesOf } from "@/lib/permissions";
import { findUserForAccountSetup, getTwoFactorRequirement, listUsers } from "./data";
import type { UserListQuery } from "./schema";
import { accountSetupTokenFits, parseAccountSetupToken } from "./setup-token";

/** Whether the reader may list the installation's users (administrators who have set up two-factor sign-in). */
export function mayListUsers(reader: Reader | null): boolean {
  return Boolean(reader && !reader.needsTwoFactorEnrolment && can(rolesOf(reader, []), "user.list"));
}

/** One page of users and the two-factor rule; null for anyone who may not list users (404). */
export async function loadUserList(reader: Reader | null, query: UserListQuery) {
  if (!mayListUsers(reader)) return null;
  const [list, twoFactorRequired] = await Promise.all([listUsers(query), getTwoFactorRequirement()]);
  return { ...list, twoFactorRequired };
}

/**
 * The person an account set-up link was made for: their name and address only, and only while
 * the link still fits (unused, unexpired, the account unchanged). Null for any unusable link.
 */
export async function loadAccountSetup(token: string): Promise<{ name: string; email: string } | null> {
  const parsed = parseAccountSetupToken(token);
  const user = parsed ? await findUserForAccountSetup(parsed.userId) : null;
  return parsed && user && accountSetupTokenFits(parsed, user) ? { name: user.name, email: user.email } : null;
}
