import type { Metadata } from "next";
import { CopySetupForm } from "@/components/setup/copy-setup-form";
import { EvaluationDetailsForm } from "@/components/setup/evaluation-details-form";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { listSetupSources } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "details");
}

/** The evaluation's own details, and starting from another evaluation's setup. */
export default async function EvaluationSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "details");
  const sources = await listSetupSources(evaluationId);
  return (
    <SetupPage setup={setup} section="details">
      <EvaluationDetailsForm evaluation={setup} />
      <CopySetupForm evaluationId={evaluationId} sources={sources} />
    </SetupPage>
  );
}
