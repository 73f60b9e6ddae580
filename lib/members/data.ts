/** Member reads; every query has the evaluation in its `where`. */
import "server-only";
import { db } from "@/lib/db";
import type { EvaluationRole } from "@/lib/generated/prisma/client";

export type MemberListItem = {
  id: string;
  userId: string;
  name: string;
  /** Only for readers who manage members; null for the others. */
  email: string | null;
  roles: EvaluationRole[];
  disabled: boolean;
  /** An installation administrator: the page marks them, so the leads see who can also manage accounts. */
  administrator: boolean;
};

export async function listMembers(evaluationId: string, options: { withEmail: boolean }): Promise<MemberListItem[]> {
  const rows = await db().evaluationMember.findMany({
    where: { evaluationId },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      userId: true,
      roles: true,
      user: { select: { name: true, email: true, disabledAt: true, isAdmin: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    name: row.user.name,
    email: options.withEmail ? row.user.email : null,
    roles: row.roles,
    disabled: row.user.disabledAt !== null,
    administrator: row.user.isAdmin,
  }));
}

/** The evaluation's name, for a page whose caller has already checked access. */
export async function findEvaluationName(evaluationId: string): Promise<string | null> {
  const row = await db().evaluation.findUnique({ where: { id: evaluationId }, select: { name: true } });
  return row?.name ?? null;
}
