import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountSetupForm } from "@/components/members/account-setup-form";
import { InvalidLink } from "@/components/members/invalid-link";
import { PageHeader } from "@/components/ui/page-header";
import { loadAccountSetup } from "@/lib/users/loaders";

type AccountSetupPageProps = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitations.account");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/** The link an administrator hands to a new user. Any unusable link gets the same answer. */
export default async function AccountSetupPage({ params }: AccountSetupPageProps) {
  const { token } = await params;
  const user = await loadAccountSetup(token);
  if (!user) return <InvalidLink />;

  const t = await getTranslations("invitations.account");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { email: user.email })} />
      <AccountSetupForm token={token} defaultName={user.name} />
    </>
  );
}
