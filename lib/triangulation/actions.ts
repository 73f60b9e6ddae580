"use server";

import { evaluationAction } from "@/lib/actions";
import { isRejection, reject, rejectionOf, type Rejection } from "@/lib/core/refusal";
import { takePageStep } from "@/lib/stories/page-steps";
import { isTriangulationStep } from "@/lib/stories/stage-machine";
import { moveStoryInput } from "@/lib/stories/schema";
import { readUpload } from "@/lib/uploads/file-check";
import { createEvidence, deleteEvidence, signOffTriangulation, updateEvidence, type Attachment } from "./mutations";
import {
  createEvidenceInput,
  deleteEvidenceInput,
  signOffInput,
  updateEvidenceInput,
  updateVerificationInput,
} from "./schema";
import { updateStoryVerification } from "./verification-mutations";

/** The checked file, or the refusal shown next to the file field. */
async function checkedFile(file: Blob | null): Promise<Attachment | null | Rejection> {
  if (!file) return null;
  const name = typeof (file as File).name === "string" ? (file as File).name : "";
  const checked = await readUpload(new File([file], name, { type: file.type }));
  return checked.ok ? checked : reject(checked.reason, "file");
}

export const addEvidence = evaluationAction("addEvidence", {
  permission: "triangulation.edit",
  input: createEvidenceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const file = await checkedFile(input.file);
    if (isRejection(file)) return file;
    const result = await createEvidence({
      actorId: actor.id,
      evaluationId: input.evaluationId,
      storyId: input.storyId,
      evidence: input.evidence,
      file,
      ipAddress,
    });
    return result.ok ? { evidenceId: result.evidenceId, version: result.version } : rejectionOf(result);
  },
});

/** Saves over `expectedVersion`; CONFLICT when someone saved first. */
export const editEvidence = evaluationAction("editEvidence", {
  permission: "triangulation.edit",
  input: updateEvidenceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const file = await checkedFile(input.file);
    if (isRejection(file)) return file;
    const result = await updateEvidence({ ...input, actorId: actor.id, file, ipAddress });
    return result.ok
      ? { evidenceId: result.evidenceId, storyId: result.storyId, version: result.version }
      : rejectionOf(result);
  },
});

export const removeEvidence = evaluationAction("removeEvidence", {
  permission: "triangulation.edit",
  input: deleteEvidenceInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await deleteEvidence({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { storyId: result.storyId } : rejectionOf(result);
  },
});

export const signOffStoryTriangulation = evaluationAction("signOffStoryTriangulation", {
  permission: "triangulation.sign_off",
  input: signOffInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await signOffTriangulation({ ...input, actorId: actor.id, ipAddress });
    if (result.ok) return { storyVersion: result.storyVersion };
    // The first blocker names the refusal; the page lists them all from the same facts.
    if ("blockers" in result) return reject(result.blockers[0]!.code);
    return rejectionOf(result);
  },
});

/** The analysts' contribution and sustainability form, saved through the story's own save. */
export const saveStoryVerification = evaluationAction("saveStoryVerification", {
  permission: "triangulation.edit",
  input: updateVerificationInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await updateStoryVerification({ ...input, actorId: actor.id, ipAddress });
    return result.ok
      ? { version: result.version }
      : rejectionOf({ ...result, field: result.field?.replace(/^contributions/, "fields.contributions") });
  },
});

/** An analyst's step on the story's page: take a selected story up, or mark it triangulated. */
export const moveStoryInTriangulation = evaluationAction("moveStoryInTriangulation", {
  permission: "triangulation.edit",
  input: moveStoryInput,
  handler: (context) => takePageStep(context, isTriangulationStep),
});
