import type { Reader } from "@/lib/evaluations/access";

/**
 * A user as the loaders take them, the way the session hands one to a page: an installation
 * administrator only when the user's row says so, or when a test asks for one with `isAdmin`.
 */
export function readerOf(user: { id: string; isAdmin?: boolean | null }, isAdmin = Boolean(user.isAdmin)): Reader {
  return { id: user.id, isAdmin };
}
