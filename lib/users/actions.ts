"use server";

import { installationAction } from "@/lib/actions";
import { setTwoFactorRequirement as saveTwoFactorRequirement } from "@/lib/auth/mutations";
import * as mutations from "./mutations";
import { runPublicAction } from "./public-action";
import { accountSetupSchema, createUserSchema, twoFactorRequirementSchema, userTargetSchema } from "./schema";
import { deliverAccountSetupLink } from "./delivery";

/**
 * The set-up link goes to the new user by e-mail when a mail server is set up; otherwise it is
 * returned once, to the administrator who created the user. It is never stored.
 */
export const createUser = installationAction("createUser", {
  permission: "user.create",
  input: createUserSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const outcome = await mutations.createUser(actor.id, input, { ipAddress });
    if ("rejected" in outcome) return outcome;
    const delivery = await deliverAccountSetupLink({
      actorId: actor.id,
      user: { id: outcome.userId, email: input.email, name: input.name, locale: input.locale },
      setupToken: outcome.setupToken,
      ipAddress,
    });
    return { userId: outcome.userId, delivery };
  },
});

export const issueAccountSetupLink = installationAction("issueAccountSetupLink", {
  permission: "user.create",
  input: userTargetSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const outcome = await mutations.issueAccountSetupLink(actor.id, input.userId, { ipAddress });
    if ("rejected" in outcome) return outcome;
    return {
      delivery: await deliverAccountSetupLink({
        actorId: actor.id,
        user: outcome.user,
        setupToken: outcome.setupToken,
        ipAddress,
      }),
    };
  },
});

export const disableUser = installationAction("disableUser", {
  permission: "user.disable",
  input: userTargetSchema,
  handler: ({ actor, input, ipAddress }) => mutations.disableUser(actor.id, input.userId, { ipAddress }),
});

export const enableUser = installationAction("enableUser", {
  permission: "user.disable",
  input: userTargetSchema,
  handler: ({ actor, input, ipAddress }) => mutations.enableUser(actor.id, input.userId, { ipAddress }),
});

export const setTwoFactorRequirement = installationAction("setTwoFactorRequirement", {
  permission: "user.require_two_factor",
  input: twoFactorRequirementSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const saved = await saveTwoFactorRequirement(actor.id, input.required, ipAddress);
    return { required: saved.requireTwoFactorForIdentityRoles };
  },
});

/**
 * Public (no session): the new user's own link is the credential. Listed in PUBLIC_ACTIONS of the
 * authorization matrix test; the link's rules are tested in tests/integration/users-*.test.ts.
 */
export async function completeAccountSetup(input: unknown) {
  return runPublicAction("completeAccountSetup", accountSetupSchema, input, async (data, ipAddress) => {
    const outcome = await mutations.completeAccountSetup(data, { ipAddress });
    if ("rejected" in outcome) return outcome;
    return { email: outcome.email };
  });
}
