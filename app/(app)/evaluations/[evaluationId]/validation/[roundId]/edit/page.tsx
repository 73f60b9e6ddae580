import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { RoundForm } from "@/components/validation/round-form";
import { getAuthorizedUser, requireUser } from "@/lib/auth/session";
import { verificationAccess } from "@/lib/validation/access";
import { getRound, listStoriesReadyForValidation } from "@/lib/validation/data";

type Props = { params: Promise<{ evaluationId: string; roundId: string }> };

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { evaluationId, roundId } = await params;
  const access = await verificationAccess(evaluationId, await getAuthorizedUser());
  const round = access?.manage ? await getRound(evaluationId, roundId) : null;
  const t = await getTranslations();
  return { title: round ? t("respondentValidation.meta.edit", { name: round.name }) : t("notFound.metaTitle") };
}

/** A closed round is history: it cannot be edited, so it answers 404 here. */
export default async function EditValidationRoundPage({ params }: Props) {
  const { evaluationId, roundId } = await params;
  const href = `/evaluations/${encodeURIComponent(evaluationId)}/validation/${encodeURIComponent(roundId)}`;
  const user = await requireUser(`${href}/edit`);
  const access = await verificationAccess(evaluationId, user);
  if (!access?.manage) notFound();
  const round = await getRound(evaluationId, roundId);
  if (!round || round.status === "CLOSED") notFound();
  const [t, ready] = await Promise.all([getTranslations("respondentValidation"), round.status === "PLANNED" ? listStoriesReadyForValidation(evaluationId) : Promise.resolve([])]);
  const inRound = round.stories.map((row) => ({ id: row.storyId, code: row.story.code, title: row.story.title }));
  return (
    <>
      <PageHeader before={<Link href={href}>{round.name}</Link>} title={t("meta.edit", { name: round.name })} />
      <RoundForm
        evaluationId={evaluationId}
        stories={[...inRound, ...ready.map(({ id, code, title }) => ({ id, code, title }))]}
        round={{
          id: round.id,
          version: round.version,
          name: round.name,
          startsOn: day(round.startsOn),
          endsOn: day(round.endsOn),
          method: round.method,
          targetSize: round.targetSize,
          notes: round.notes,
          storyIds: inRound.map((story) => story.id),
        }}
      />
    </>
  );
}
