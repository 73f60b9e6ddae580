import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { RoundForm } from "@/components/validation/round-form";
import { requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadNewValidationRound } from "@/lib/validation/loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("respondentValidation");
  return { title: t("meta.new") };
}

export default async function NewValidationRoundPage({ params }: Props) {
  const { evaluationId } = await params;
  const base = evaluationPath(evaluationId, "validation");
  const user = await requireUser(`${base}/new`);
  const view = await loadNewValidationRound(evaluationId, user);
  if (!view) notFound();
  const t = await getTranslations("respondentValidation");
  return (
    <>
      <PageHeader before={<Link href={base}>{t("nav.backToList")}</Link>} title={t("meta.new")} />
      <RoundForm evaluationId={evaluationId} stories={view.stories} />
    </>
  );
}
