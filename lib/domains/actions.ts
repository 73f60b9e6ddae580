"use server";

import { evaluationAction } from "@/lib/actions";
import { rejectionOf } from "@/lib/core/refusal";
import { assignDomain, endSecondaryAssignment } from "./mutations";
import {
  assignDomainInput,
  createDomainInput,
  domainVersionInput,
  endAssignmentInput,
  reorderDomainsInput,
  updateDomainInput,
} from "./schema";
import * as setup from "./setup-mutations";

export const assignStoryDomain = evaluationAction("assignStoryDomain", {
  permission: "story.assign_domain",
  input: assignDomainInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await assignDomain({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { assignmentId: result.assignmentId } : rejectionOf(result);
  },
});

export const endStoryDomain = evaluationAction("endStoryDomain", {
  permission: "story.assign_domain",
  input: endAssignmentInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await endSecondaryAssignment({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { ended: true } : rejectionOf(result);
  },
});

// ── Setting up the domains (leads and administrators) ──

export const createDomain = evaluationAction("createDomain", {
  permission: "evaluation.update",
  input: createDomainInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await setup.createDomain({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { domainId: result.domainId } : rejectionOf(result);
  },
});

export const updateDomain = evaluationAction("updateDomain", {
  permission: "evaluation.update",
  input: updateDomainInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await setup.updateDomain({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { version: result.version } : rejectionOf(result);
  },
});

export const reorderDomains = evaluationAction("reorderDomains", {
  permission: "evaluation.update",
  input: reorderDomainsInput,
  handler: async ({ actor, input, ipAddress }) => {
    const result = await setup.reorderDomains({ ...input, actorId: actor.id, ipAddress });
    return result.ok ? { reordered: true } : rejectionOf(result);
  },
});

const versioned = (name: string, change: typeof setup.retireDomain) =>
  evaluationAction(name, {
    permission: "evaluation.update",
    input: domainVersionInput,
    handler: async ({ actor, input, ipAddress }) => {
      const result = await change({ ...input, actorId: actor.id, ipAddress });
      return result.ok ? { done: true } : rejectionOf(result);
    },
  });

export const retireDomain = versioned("retireDomain", setup.retireDomain);
export const restoreDomain = versioned("restoreDomain", setup.restoreDomain);
export const deleteDomain = versioned("deleteDomain", setup.deleteDomain);
