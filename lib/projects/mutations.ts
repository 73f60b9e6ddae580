/**
 * The portfolio of projects: create, edit, retire, restore, delete. One transaction per change with
 * its audit event; a change names the version the person saw. No two projects of an evaluation
 * share an acronym or a name, whatever their accents or case. `tx` variants serve the seed and
 * the import of a project list.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import { isoDay, utcMidnight } from "@/lib/core/calendar-day";
import { changedFields } from "@/lib/core/changed-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nameKey } from "@/lib/name-key";
import { refusals, type Refused } from "@/lib/core/refusal";
import type { CreateProjectInput, ProjectFields, ProjectVersionInput, UpdateProjectInput } from "./schema";

/** Why a project is not saved, retired, restored or deleted. */
export const PROJECT_REFUSALS = ["DUPLICATE_ACRONYM", "DUPLICATE_NAME", "STALE_VERSION", "PROJECT_IN_USE"] as const;
export type ProjectRefusal = (typeof PROJECT_REFUSALS)[number];
const { refuse, asResults } = refusals<ProjectRefusal>();

type Tx = Prisma.TransactionClient;
type Actor = { actorId: string; ipAddress?: string | null };

/** The row's columns for these fields, keys included; refused when another project holds the acronym or name. */
async function columnsFor(tx: Tx, evaluationId: string, fields: ProjectFields, exceptId?: string) {
  const keys = { acronymKey: nameKey(fields.acronym), nameKey: nameKey(fields.name) };
  const taken = await tx.project.findMany({
    where: {
      evaluationId,
      id: exceptId ? { not: exceptId } : undefined,
      OR: [{ acronymKey: keys.acronymKey }, { nameKey: keys.nameKey }],
    },
    select: { acronymKey: true, nameKey: true },
  });
  if (taken.some((row) => row.acronymKey === keys.acronymKey)) throw refuse("DUPLICATE_ACRONYM", "acronym");
  if (taken.some((row) => row.nameKey === keys.nameKey)) throw refuse("DUPLICATE_NAME", "name");
  return { ...fields, ...keys, startDate: utcMidnight(fields.startDate), endDate: utcMidnight(fields.endDate) };
}

/** `id` is for the seed only; `importBatchId` names the import a project came from, in its audit event, as imported records do. */
export async function createProjectInTransaction(
  tx: Tx,
  input: CreateProjectInput & Actor & { id?: string; importBatchId?: string },
): Promise<{ projectId: string }> {
  const { evaluationId, project, actorId, ipAddress, id, importBatchId } = input;
  const columns = await columnsFor(tx, evaluationId, project);
  const created = await tx.project.create({ data: { id, evaluationId, ...columns }, select: { id: true } });
  const after = importBatchId ? { ...project, importBatchId } : project;
  await recordAudit(tx, {
    evaluationId,
    actorId,
    action: "project.create",
    recordType: "Project",
    recordId: created.id,
    after,
    ipAddress,
  });
  return { projectId: created.id };
}

export async function createProject(
  input: CreateProjectInput & Actor,
): Promise<{ ok: true; projectId: string } | Refused<ProjectRefusal>> {
  return asResults(() =>
    db().$transaction(async (tx) => ({ ok: true as const, ...(await createProjectInTransaction(tx, input)) })),
  );
}

async function lockedProject(tx: Tx, evaluationId: string, projectId: string, expectedVersion: number) {
  const [row] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM project WHERE id = ${projectId} AND evaluation_id = ${evaluationId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  const project = await tx.project.findUniqueOrThrow({ where: { evaluationId_id: { evaluationId, id: projectId } } });
  if (project.version !== expectedVersion) throw refuse("STALE_VERSION");
  return project;
}

export async function updateProject(
  input: UpdateProjectInput & Actor,
): Promise<{ ok: true; version: number } | Refused<ProjectRefusal>> {
  const { evaluationId, projectId, expectedVersion, project, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const stored = await lockedProject(tx, evaluationId, projectId, expectedVersion);
      const columns = await columnsFor(tx, evaluationId, project, projectId);
      const changes = changedFields(
        { ...stored, startDate: isoDay(stored.startDate), endDate: isoDay(stored.endDate) },
        project,
      );
      if (!changes.changed) return { ok: true as const, version: stored.version };
      const updated = await tx.project.update({
        where: { evaluationId_id: { evaluationId, id: projectId } },
        data: { ...columns, version: { increment: 1 } },
        select: { version: true },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "project.update",
        recordType: "Project",
        recordId: projectId,
        before: changes.before,
        after: changes.after,
        ipAddress,
      });
      return { ok: true as const, version: updated.version };
    }),
  );
}

async function setRetired(
  input: ProjectVersionInput & Actor,
  retire: boolean,
): Promise<{ ok: true } | Refused<ProjectRefusal>> {
  const { evaluationId, projectId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const project = await lockedProject(tx, evaluationId, projectId, expectedVersion);
      if (Boolean(project.retiredAt) === retire) return { ok: true as const };
      const retiredAt = retire ? new Date() : null;
      await tx.project.update({
        where: { evaluationId_id: { evaluationId, id: projectId } },
        data: { retiredAt, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: retire ? "project.retire" : "project.restore",
        recordType: "Project",
        recordId: projectId,
        before: { retiredAt: project.retiredAt?.toISOString() ?? null },
        after: { retiredAt: retiredAt?.toISOString() ?? null },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}

/** Retired: kept for the interviews and stories that name it; gone from the pickers. */
export const retireProject = (input: ProjectVersionInput & Actor) => setRetired(input, true);
export const restoreProject = (input: ProjectVersionInput & Actor) => setRetired(input, false);

/** Deletes a project nothing names yet; anything else is retired instead. */
export async function deleteProject(
  input: ProjectVersionInput & Actor,
): Promise<{ ok: true } | Refused<ProjectRefusal>> {
  const { evaluationId, projectId, expectedVersion, actorId, ipAddress } = input;
  return asResults(() =>
    db().$transaction(async (tx) => {
      const project = await lockedProject(tx, evaluationId, projectId, expectedVersion);
      const where = { evaluationId, projectId };
      const uses = await Promise.all([
        tx.interviewProject.count({ where }),
        tx.focusGroupProject.count({ where }),
        tx.storyContribution.count({ where }),
      ]);
      if (uses.some((count) => count > 0)) throw refuse("PROJECT_IN_USE");
      await tx.project.delete({ where: { evaluationId_id: { evaluationId, id: projectId } } });
      const { acronym, name, managingOffice, fundingStreams, notes } = project;
      await recordAudit(tx, {
        evaluationId,
        actorId,
        action: "project.delete",
        recordType: "Project",
        recordId: projectId,
        before: {
          acronym,
          name,
          managingOffice,
          fundingStreams,
          notes,
          startDate: isoDay(project.startDate),
          endDate: isoDay(project.endDate),
        },
        ipAddress,
      });
      return { ok: true as const };
    }),
  );
}
