import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcceptInvitationButton, AcceptInvitationForm } from "@/components/members/accept-invitation-form";
import { InvalidLink } from "@/components/members/invalid-link";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser } from "@/lib/auth/session";
import { loadInvitation } from "@/lib/invitations/loaders";

type InvitationPageProps = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/**
 * The invitee's page: public, the token is the credential. Unknown, expired, used and revoked
 * tokens all get the same answer.
 */
export default async function InvitationPage({ params }: InvitationPageProps) {
  const { token } = await params;
  const invitation = await loadInvitation(token);
  if (!invitation) return <InvalidLink />;

  const [t, format, user] = await Promise.all([getTranslations(), getFormatter(), getAuthorizedUser()]);
  const roleNames = format.list(invitation.roles.map((role) => t(`roles.${role}`)));
  const here = `/invitations/${token}`;

  return (
    <>
      <PageHeader
        title={t("invitations.title", { evaluation: invitation.evaluationName })}
        description={t("invitations.forEmail", { email: invitation.email })}
      />
      <p>
        {t("invitations.rolesIntro")} <strong>{roleNames}</strong>
      </p>
      <p className="muted">
        {t("invitations.validUntil", {
          date: format.dateTime(invitation.expiresAt, { dateStyle: "long", timeStyle: "short" }),
        })}
      </p>

      {invitation.account === "NEW" ? (
        <AcceptInvitationForm token={token} />
      ) : user && user.email === invitation.email ? (
        <AcceptInvitationButton token={token} />
      ) : user ? (
        <p className="notice">{t("invitations.signedInAsOther", { current: user.email, email: invitation.email })}</p>
      ) : (
        <>
          <p>{t("invitations.existingIntro", { email: invitation.email })}</p>
          <p>
            <Link className="button button--primary" href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
              {t("invitations.signInToAccept")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
