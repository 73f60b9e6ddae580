/** Sends an account set-up link by e-mail when a mail server is set up; otherwise it is shown once. */
import { deliverLink, type LinkDelivery } from "@/lib/mail/delivery";
import { accountSetupMail } from "@/lib/mail/messages";
import { accountSetupLink, parseAccountSetupToken } from "./setup-token";

export function deliverAccountSetupLink(input: {
  actorId: string;
  user: { id: string; email: string; name: string; locale: "ES" | "EN" };
  setupToken: string;
  ipAddress?: string | null;
}): Promise<LinkDelivery> {
  const link = accountSetupLink(input.setupToken);
  const expiresAt = new Date(parseAccountSetupToken(input.setupToken)!.expiresAt);
  return deliverLink({
    link,
    mail: accountSetupMail({ to: input.user.email, name: input.user.name, locale: input.user.locale, link, expiresAt }),
    purpose: "account_setup",
    actorId: input.actorId,
    evaluationId: null,
    recordType: "User",
    recordId: input.user.id,
    ipAddress: input.ipAddress,
  });
}
