import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateEvaluationForm } from "@/components/admin/create-evaluation-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { can, rolesOf } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const [user, t] = await Promise.all([getAuthorizedUser(), getTranslations()]);
  return {
    title:
      user && can(rolesOf(user, []), "evaluation.create")
        ? t("admin.newEvaluation.metaTitle")
        : t("notFound.metaTitle"),
  };
}

export default async function NewEvaluationPage() {
  const user = await requireUser("/evaluations/new");
  // Only administrators create evaluations; for anyone else this page does not exist.
  if (!can(rolesOf(user, []), "evaluation.create")) notFound();
  const t = await getTranslations();

  return (
    <>
      <PageHeader
        before={<Link href="/admin/users">{t("admin.nav.users")}</Link>}
        title={t("admin.newEvaluation.title")}
        description={t("admin.newEvaluation.intro")}
      />
      <CreateEvaluationForm />
    </>
  );
}
