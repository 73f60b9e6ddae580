/**
 * A story's history: its revisions (every save) and the steps it took along its path (read from
 * the audit trail, where each step is recorded with its comment). Evaluation and story are in
 * every `where`.
 */
import "server-only";
import { db } from "@/lib/db";
import { parseStorySnapshot, type StorySnapshot } from "./snapshot";

export type RevisionSummary = { version: number; createdAt: Date; editorName: string; note: string | null };

export async function listStoryRevisions(evaluationId: string, storyId: string): Promise<RevisionSummary[]> {
  const rows = await db().storyRevision.findMany({
    where: { evaluationId, storyId },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, note: true, editedBy: { select: { name: true } } },
  });
  return rows.map((row) => ({
    version: row.version,
    createdAt: row.createdAt,
    note: row.note,
    editorName: row.editedBy.name,
  }));
}

export type RevisionSnapshot = RevisionSummary & { snapshot: StorySnapshot | null };

/** The named versions of one story, with their snapshots (null when a snapshot is in an unknown shape). */
export async function getStoryRevisions(
  evaluationId: string,
  storyId: string,
  versions: number[],
): Promise<Map<number, RevisionSnapshot>> {
  if (versions.length === 0) return new Map();
  const rows = await db().storyRevision.findMany({
    where: { evaluationId, storyId, version: { in: versions } },
    select: { version: true, createdAt: true, note: true, snapshot: true, editedBy: { select: { name: true } } },
  });
  return new Map(
    rows.map((row) => [
      row.version,
      {
        version: row.version,
        createdAt: row.createdAt,
        note: row.note,
        editorName: row.editedBy.name,
        snapshot: parseStorySnapshot(row.snapshot),
      },
    ]),
  );
}

export type StageStep = { at: Date; actorName: string | null; from: string; to: string; comment: string | null };

/**
 * Every stage change of the story, newest first (at most 100), with who made it. One statement:
 * the audit trail holds the actor's id without a relation to join through, so the names come
 * from a join written here rather than a second read per page.
 */
export async function listStageHistory(evaluationId: string, storyId: string): Promise<StageStep[]> {
  const events = await db().$queryRaw<Array<{ at: Date; actorName: string | null; before: unknown; after: unknown }>>`
    SELECT e.created_at AS at, u.name AS "actorName", e.before, e.after
    FROM audit_event e
    LEFT JOIN app_user u ON u.id = e.actor_id
    WHERE e.evaluation_id = ${evaluationId} AND e.record_type = 'ChangeStory' AND e.record_id = ${storyId}
      AND e.action = 'story.stage'
    ORDER BY e.sequence DESC
    LIMIT 100`;
  const field = (value: unknown, key: string) =>
    value && typeof value === "object" && typeof (value as Record<string, unknown>)[key] === "string"
      ? ((value as Record<string, string>)[key] ?? null)
      : null;
  return events.map((event) => ({
    at: event.at,
    actorName: event.actorName,
    from: field(event.before, "stage") ?? "",
    to: field(event.after, "stage") ?? "",
    comment: field(event.after, "comment"),
  }));
}
