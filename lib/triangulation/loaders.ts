/**
 * What the triangulation pages and the attachment download read, with the read policy inside:
 * null for anyone who may not see triangulation here, and for a story or item outside this
 * evaluation (the page or route answers 404 either way). Forms and their choices go only to
 * those who may use them while the story is in a triangulation stage: analysts.
 */
import { cache } from "react";
import { listDomains } from "@/lib/domains/data";
import { accessWith, type Reader } from "@/lib/evaluations/access";
import { can } from "@/lib/permissions";
import {
  getEvidenceAttachment,
  getEvidenceItem,
  getLatestSignOff,
  getTriangulationFacts,
  getTriangulationMatrix,
  getTriangulationStory,
  listContributionProjects,
  listStoryEvidence,
  listStoryFigures,
} from "./data";
import { recordEvidenceFileRead } from "./download-mutations";
import { hasCurrentSignOff, isTriangulationStage, triangulationBlockers } from "./policy";

/**
 * A story's triangulation page: its evidence, readiness and sign-off. `figures` (the add-evidence
 * form's choices) only for those who may add evidence now; `canSignOff` only while no current
 * sign-off stands.
 */
export const loadStoryTriangulation = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "triangulation.view");
  if (!access) return null;
  const [story, evidence, facts, signOff] = await Promise.all([
    getTriangulationStory(evaluationId, storyId),
    listStoryEvidence(evaluationId, storyId),
    getTriangulationFacts(evaluationId, storyId),
    getLatestSignOff(evaluationId, storyId),
  ]);
  if (!story || !facts) return null;
  const { roles } = access;
  const open = isTriangulationStage(story.stage);
  const canEdit = open && can(roles, "triangulation.edit");
  return {
    story,
    evidence,
    facts,
    blockers: triangulationBlockers(facts),
    signOff,
    /** Whether the story is in a stage where evidence and sign-off may still change. */
    open,
    canEdit,
    canSignOff: open && can(roles, "triangulation.sign_off") && !hasCurrentSignOff(facts),
    figures: canEdit ? await listStoryFigures(evaluationId, storyId) : null,
  };
});

/** The contribution and sustainability page. `projects` (the form's choices) is null for readers who may not edit it now. */
export const loadContribution = cache(async (evaluationId: string, storyId: string, reader: Reader | null) => {
  const access = await accessWith(evaluationId, reader, "triangulation.view");
  if (!access) return null;
  const story = await getTriangulationStory(evaluationId, storyId);
  if (!story) return null;
  const canEdit = isTriangulationStage(story.stage) && can(access.roles, "triangulation.edit");
  const projects = canEdit
    ? await listContributionProjects(
        evaluationId,
        story.contributions.map((row) => row.projectId),
      )
    : null;
  return { story, projects };
});

/**
 * One evidence item's edit page: only for those who may edit evidence, only while its story is in
 * a triangulation stage, and only through its own story (an item's id under another story is 404).
 */
export const loadEvidenceEdit = cache(
  async (evaluationId: string, storyId: string, evidenceId: string, reader: Reader | null) => {
    if (!(await accessWith(evaluationId, reader, "triangulation.edit"))) return null;
    const [story, item] = await Promise.all([
      getTriangulationStory(evaluationId, storyId),
      getEvidenceItem(evaluationId, evidenceId),
    ]);
    if (!story || !item || item.storyId !== story.id || !isTriangulationStage(story.stage)) return null;
    return { story, item, figures: await listStoryFigures(evaluationId, storyId) };
  },
);

/**
 * The matrix of one domain (the one asked for, else the first): its page of selected stories with
 * evidence counts. Retired domains stay choosable, since their stories are still there.
 */
export const loadTriangulationMatrix = cache(
  async (evaluationId: string, reader: Reader | null, domainId: string, page: number) => {
    if (!(await accessWith(evaluationId, reader, "triangulation.view"))) return null;
    const domains = await listDomains(evaluationId, { withRetired: true });
    const domain = domains.find((candidate) => candidate.id === domainId) ?? domains[0] ?? null;
    const matrix = domain ? await getTriangulationMatrix(evaluationId, domain.id, page) : null;
    return { domains, domain, matrix };
  },
);

/**
 * An attachment with its bytes, for those who may see evidence; null for everyone else, whether
 * or not the item exists. Each read is recorded in the audit trail before the bytes are handed
 * over. Not cached: every call is a download, and every download is recorded.
 */
export async function openEvidenceFile(
  evaluationId: string,
  evidenceId: string,
  reader: Reader | null,
  ipAddress: string | null,
) {
  const access = await accessWith(evaluationId, reader, "triangulation.view");
  if (!access) return null;
  const attachment = await getEvidenceAttachment(evaluationId, evidenceId);
  if (!attachment) return null;
  await recordEvidenceFileRead({ evaluationId, actorId: access.user.id, attachment, ipAddress });
  return attachment;
}
