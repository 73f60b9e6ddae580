import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MemberRowActions } from "@/components/members/member-row-actions";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadMembersPage } from "@/lib/members/loaders";
import { Section } from "@/components/ui/section";

type MembersPageProps = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: MembersPageProps): Promise<Metadata> {
  const { evaluationId } = await params;
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  const view = await loadMembersPage(evaluationId, user);
  return { title: view ? t("members.metaTitle", { name: view.name }) : t("notFound.metaTitle") };
}

export default async function MembersPage({ params }: MembersPageProps) {
  const { evaluationId } = await params;
  const path = evaluationPath(evaluationId);
  const user = await requireUser(`${path}/members`);
  const [view, t, format] = await Promise.all([loadMembersPage(evaluationId, user), getTranslations(), getFormatter()]);
  if (!view) notFound();
  const { name, members, invitations, canUpdateRoles, canRemove, canInvite, manages } = view;
  const roleList = (list: readonly string[]) => format.list(list.map((role) => t(`roles.${role as "LEAD"}`)));

  return (
    <>
      <PageHeader
        before={<Link href={path}>{t("members.backToOverview")}</Link>}
        title={`${name}: ${t("members.title")}`}
        description={manages ? t("members.introManage") : t("members.intro")}
      />

      <Section id="members-title" title={t("members.title")}>
        <StaticTable
          captionId="members-caption"
          caption={t("members.caption", { count: members.length })}
          columns={[
            t("members.name"),
            manages ? t("members.email") : null,
            t("members.roles"),
            canUpdateRoles || canRemove ? t("members.actions") : null,
          ]}
        >
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row">
                {member.name} {member.userId === user.id ? <span className="muted">{t("members.you")}</span> : null}
                {member.disabled ? <span className="muted"> {t("members.disabled")}</span> : null}
                {member.administrator ? <span className="muted"> {t("members.administrator")}</span> : null}
              </th>
              {manages ? <td className="code">{member.email}</td> : null}
              <td>{roleList(member.roles)}</td>
              {canUpdateRoles || canRemove ? (
                <td>
                  <MemberRowActions
                    evaluationId={evaluationId}
                    memberId={member.id}
                    name={member.name}
                    roles={member.roles}
                    canUpdateRoles={canUpdateRoles}
                    canRemove={canRemove}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </StaticTable>
      </Section>

      {canInvite ? (
        <>
          <InviteMemberForm evaluationId={evaluationId} />
          <Section id="pending-title" title={t("members.pending.title")}>
            <StaticTable
              empty={invitations.length === 0 ? t("members.pending.empty") : null}
              captionId="pending-caption"
              caption={t("members.pending.caption", { count: invitations.length })}
              columns={[
                t("members.pending.email"),
                t("members.pending.roles"),
                t("members.pending.expires"),
                t("members.pending.invitedBy"),
                t("members.actions"),
              ]}
            >
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" className="code">
                    {invitation.email}
                  </th>
                  <td>{roleList(invitation.roles)}</td>
                  <td className="nowrap">
                    {format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td>{invitation.invitedByName}</td>
                  <td>
                    <RevokeInvitationButton
                      evaluationId={evaluationId}
                      invitationId={invitation.id}
                      email={invitation.email}
                    />
                  </td>
                </tr>
              ))}
            </StaticTable>
          </Section>
        </>
      ) : null}
    </>
  );
}
