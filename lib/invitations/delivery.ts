/** Sends an invitation's link by e-mail when a mail server is set up; otherwise it is shown once. */
import { deliverLink, type LinkDelivery } from "@/lib/mail/delivery";
import { invitationMail } from "@/lib/mail/messages";
import type { CreatedInvitation } from "./mutations";
import { invitationLink } from "./token";

export function deliverInvitation(input: {
  inviter: { id: string; name: string };
  evaluationId: string;
  evaluationName: string;
  email: string;
  invitation: CreatedInvitation;
  ipAddress?: string | null;
}): Promise<LinkDelivery> {
  const link = invitationLink(input.invitation.token);
  return deliverLink({
    link,
    mail: invitationMail({
      to: input.email,
      evaluationName: input.evaluationName,
      inviterName: input.inviter.name,
      roles: input.invitation.roles,
      link,
      expiresAt: input.invitation.expiresAt,
    }),
    purpose: "invitation",
    actorId: input.inviter.id,
    evaluationId: input.evaluationId,
    recordType: "Invitation",
    recordId: input.invitation.invitationId,
    ipAddress: input.ipAddress,
  });
}
