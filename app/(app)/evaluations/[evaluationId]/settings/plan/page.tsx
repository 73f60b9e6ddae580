import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FieldworkPlanForm } from "@/components/setup/fieldwork-plan-form";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { loadSetupFieldworkPlan } from "@/lib/evaluations/setup-loaders";
import { MEXICO_STATES } from "@/lib/places/catalogue";
import { regionToken } from "@/lib/places/regions";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "plan");
}

export default async function FieldworkPlanPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "plan");
  const fieldworkPlan = await loadSetupFieldworkPlan(evaluationId);
  if (!fieldworkPlan) notFound();
  // Every Mexican state, then the regions of the evaluation's other countries, as the lists show them.
  const regions = [
    ...MEXICO_STATES.map((state) => ({ region: state.name, label: state.name })),
    ...fieldworkPlan.regionsAbroad.map((region) => ({
      region: regionToken(region),
      label: `${region.state} (${region.countryCode})`,
    })),
  ];
  const listed = new Set(regions.map((row) => row.region));
  // A planned region abroad whose region row was since removed stays editable (to set it to zero).
  for (const row of fieldworkPlan.plan) {
    if (!listed.has(row.region)) regions.push({ region: row.region, label: `${row.state} (${row.countryCode})` });
  }
  return (
    <SetupPage setup={setup} section="plan">
      <FieldworkPlanForm
        evaluationId={evaluationId}
        regions={regions}
        plan={fieldworkPlan.plan.map(({ region, plannedInterviews, plannedFocusGroups }) => ({
          region,
          plannedInterviews,
          plannedFocusGroups,
        }))}
      />
    </SetupPage>
  );
}
