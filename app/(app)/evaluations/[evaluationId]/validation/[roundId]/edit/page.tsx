import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { RoundForm } from "@/components/validation/round-form";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { loadValidationRoundForm } from "@/lib/validation/loaders";
import { roundFormFields } from "@/lib/validation/round-columns";

type Props = { params: Promise<{ evaluationId: string; roundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, roundId } = await params;
  const [t, form] = await Promise.all([
    getTranslations(),
    loadValidationRoundForm(evaluationId, roundId, await getAuthorizedUser()),
  ]);
  return { title: form ? t("respondentValidation.meta.edit", { name: form.round.name }) : t("notFound.metaTitle") };
}

/** A closed round is history: it cannot be edited, so it answers 404 here. */
export default async function EditValidationRoundPage({ params }: Props) {
  const { evaluationId, roundId } = await params;
  const href = evaluationPath(evaluationId, "validation", roundId);
  const user = await requireUser(`${href}/edit`);
  const form = await loadValidationRoundForm(evaluationId, roundId, user);
  if (!form) notFound();
  const { round, ready } = form;
  const t = await getTranslations("respondentValidation");
  const inRound = round.stories.map((row) => ({ id: row.storyId, code: row.story.code, title: row.story.title }));
  return (
    <>
      <PageHeader before={<Link href={href}>{round.name}</Link>} title={t("meta.edit", { name: round.name })} />
      <RoundForm
        evaluationId={evaluationId}
        stories={[...inRound, ...ready]}
        round={{
          id: round.id,
          version: round.version,
          ...roundFormFields(round),
          storyIds: inRound.map((story) => story.id),
        }}
      />
    </>
  );
}
