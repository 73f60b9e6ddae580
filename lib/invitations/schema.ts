/** Forms for invitations, shared by the browser forms and the actions. */
import { z } from "zod";
import { rolesSchema } from "@/lib/members/schema";
import { emailSchema, newPasswordFields, passwordsMatch, personNameSchema, recordIdSchema } from "@/lib/users/schema";

export const invitationTokenSchema = z
  .string({ error: "validation.invalid" })
  .regex(/^[A-Za-z0-9_-]{43}$/, "validation.invalid");

export const inviteMemberSchema = z.object({ evaluationId: recordIdSchema, email: emailSchema, roles: rolesSchema });
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const revokeInvitationSchema = z.object({ evaluationId: recordIdSchema, invitationId: recordIdSchema });

/** An invitee who already has an account, signed in as that account. */
export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

/** An invitee without an account (or whose account has no password yet) chooses one. */
export const acceptInvitationWithAccountSchema = z
  .object({ token: invitationTokenSchema, name: personNameSchema, ...newPasswordFields })
  .superRefine(passwordsMatch);
export type AcceptInvitationWithAccountInput = z.infer<typeof acceptInvitationWithAccountSchema>;
