"use server";

import { getLocale } from "@/lib/i18n/locale";
import { evaluationAction } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { runPublicAction } from "@/lib/users/public-action";
import * as mutations from "./mutations";
import {
  acceptInvitationSchema,
  acceptInvitationWithAccountSchema,
  inviteMemberSchema,
  revokeInvitationSchema,
} from "./schema";
import { deliverInvitation } from "./delivery";

/** The new account starts in the language the invitee is reading the page in. */
async function interfaceLocale(): Promise<"ES" | "EN"> {
  try {
    return (await getLocale()) === "en" ? "EN" : "ES";
  } catch {
    return "ES"; // not in a request (tests, scripts): the default language
  }
}

/** The link goes to the invitee by e-mail, or (no mail server) is returned once to the inviter; only its hash is stored. */
export const inviteMember = evaluationAction("inviteMember", {
  permission: "member.invite",
  input: inviteMemberSchema,
  handler: async ({ actor, input, ipAddress }) => {
    const outcome = await mutations.inviteMember(actor.id, input.evaluationId, input, { ipAddress });
    if ("rejected" in outcome) return outcome;
    const delivery = await deliverInvitation({
      inviter: actor,
      evaluationId: input.evaluationId,
      evaluationName: outcome.evaluationName,
      email: input.email,
      invitation: outcome,
      ipAddress,
    });
    return { invitationId: outcome.invitationId, delivery, expiresAt: outcome.expiresAt.toISOString() };
  },
});

export const revokeInvitation = evaluationAction("revokeInvitation", {
  permission: "member.invite",
  input: revokeInvitationSchema,
  handler: ({ actor, input, ipAddress }) =>
    mutations.revokeInvitation(actor.id, input.evaluationId, input.invitationId, { ipAddress }),
});

/**
 * Public (no session needed): the token is the credential. A new invitee chooses a name and a
 * password here. Listed in PUBLIC_ACTIONS of the authorization matrix test.
 */
export async function acceptInvitationWithAccount(input: unknown) {
  return runPublicAction(
    "acceptInvitationWithAccount",
    acceptInvitationWithAccountSchema,
    input,
    async (data, ipAddress) => {
      const locale = await interfaceLocale();
      const outcome = await mutations.acceptInvitation(
        data.token,
        { kind: "NEW_ACCOUNT", name: data.name, password: data.password, locale },
        { ipAddress },
      );
      if ("rejected" in outcome) return outcome;
      return { evaluationId: outcome.evaluationId, email: outcome.email };
    },
  );
}

/** An invitee with an account accepts while signed in as that very account. */
export async function acceptInvitationAsSignedInUser(input: unknown) {
  return runPublicAction("acceptInvitationAsSignedInUser", acceptInvitationSchema, input, async (data, ipAddress) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("UNAUTHENTICATED");
    // Held at two-factor set-up: nothing but the set-up until it is done (as lib/actions.ts).
    if (user.needsTwoFactorEnrolment) throw new AppError("FORBIDDEN");
    const outcome = await mutations.acceptInvitation(data.token, { kind: "SIGNED_IN", userId: user.id }, { ipAddress });
    if ("rejected" in outcome) return outcome;
    return { evaluationId: outcome.evaluationId, email: outcome.email };
  });
}
