"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import * as mutations from "./mutations";
import { createProjectInput, projectVersionInput, updateProjectInput } from "./schema";

export const createProject = evaluationAction("createProject", {
  permission: "evaluation.update",
  input: createProjectInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.createProject({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { projectId: result.projectId } : rejectionOf(result);
  },
});

export const updateProject = evaluationAction("updateProject", {
  permission: "evaluation.update",
  input: updateProjectInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await mutations.updateProject({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { version: result.version } : rejectionOf(result);
  },
});

const versioned = (name: string, change: typeof mutations.retireProject) =>
  evaluationAction(name, {
    permission: "evaluation.update",
    input: projectVersionInput,
    handler: async ({ actor, input, ipAddress }) => {
      const result = await change({ ...input, actorId: actor.id, ipAddress });
      return result.ok ? { done: true } : rejectionOf(result);
    },
  });

export const retireProject = versioned("retireProject", mutations.retireProject);
export const restoreProject = versioned("restoreProject", mutations.restoreProject);
export const deleteProject = versioned("deleteProject", mutations.deleteProject);
