import type { Metadata } from "next";
import { PlaceList } from "@/components/setup/place-list";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { MEXICO_STATES } from "@/lib/places/catalogue";
import { notFound } from "next/navigation";
import { loadSetupPlaces } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "places");
}

export default async function PlaceSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "places");
  const states = (await loadSetupPlaces(evaluationId)) ?? notFound();
  return (
    <SetupPage setup={setup} section="places">
      <PlaceList evaluationId={evaluationId} states={states} catalogue={MEXICO_STATES} />
    </SetupPage>
  );
}
