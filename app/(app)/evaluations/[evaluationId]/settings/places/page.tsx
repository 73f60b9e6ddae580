import type { Metadata } from "next";
import { CountryPlaces } from "@/components/setup/country-places";
import { PlaceList } from "@/components/setup/place-list";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { MEXICO_STATES } from "@/lib/places/catalogue";
import { notFound } from "next/navigation";
import { loadSetupCountries, loadSetupPlaces } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "places");
}

export default async function PlaceSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "places");
  const [states, countries] = await Promise.all([loadSetupPlaces(evaluationId), loadSetupCountries(evaluationId)]);
  if (!states || !countries) notFound();
  return (
    <SetupPage setup={setup} section="places">
      <PlaceList evaluationId={evaluationId} states={states} catalogue={MEXICO_STATES} />
      <CountryPlaces evaluationId={evaluationId} countries={countries} />
    </SetupPage>
  );
}
