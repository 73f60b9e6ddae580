"use client";

/**
 * The fieldwork plan: one row per Mexican state and per region abroad, with the interviews and
 * focus groups planned there. Saved as a whole against the plan the lead saw, so two leads
 * editing at once cannot overwrite each other (the second is asked to look again).
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { controlAria, FieldNote } from "@/components/ui/field-frame";
import { StaticTable } from "@/components/ui/static-table";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { wholeNumber } from "@/components/ui/whole-number-field";
import { updateFieldworkPlan } from "@/lib/fieldwork-plan/actions";
import { PLANNED_MAX } from "@/lib/fieldwork-plan/types";
import { generalFailures, refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";
import type { PlanRefusal } from "@/lib/fieldwork-plan/mutations";
import { Section } from "@/components/ui/section";

export type PlanFormRegion = { region: string; label: string };
export type PlanFormRow = { region: string; plannedInterviews: number; plannedFocusGroups: number };
type Values = Record<string, { plannedInterviews: string; plannedFocusGroups: string }>;

const KINDS = ["plannedInterviews", "plannedFocusGroups"] as const;

export const PLAN_REFUSAL_MESSAGES: RefusalMessages<PlanRefusal> = {
  ...generalFailures("setup.errors"),
  PLAN_CHANGED: "setup.errors.PLAN_CHANGED",
  // In the plan, a region abroad unknown to the evaluation was removed meanwhile or never added.
  REGION_UNKNOWN: "setup.errors.regionUnknown",
};
/** The schema's codes ("plannedInvalid") read under `setup.errors`. */
const failureMessages = refusalFailureMessages(PLAN_REFUSAL_MESSAGES, (code) => `setup.errors.${code}`);

function valuesOf(regions: PlanFormRegion[], plan: PlanFormRow[]): Values {
  const stored = new Map(plan.map((row) => [row.region, row]));
  return Object.fromEntries(
    regions.map(({ region }) => {
      const row = stored.get(region);
      return [
        region,
        {
          plannedInterviews: row?.plannedInterviews ? String(row.plannedInterviews) : "",
          plannedFocusGroups: row?.plannedFocusGroups ? String(row.plannedFocusGroups) : "",
        },
      ];
    }),
  );
}

export function FieldworkPlanForm({
  evaluationId,
  regions,
  plan,
}: {
  evaluationId: string;
  regions: PlanFormRegion[];
  plan: PlanFormRow[];
}) {
  const t = useTranslations("setup");
  const router = useRouter();
  const planKey = JSON.stringify(plan);
  const [shownPlan, setShownPlan] = useState(planKey);
  const [values, setValues] = useState(() => valuesOf(regions, plan));
  const [done, setDone] = useState<string | null>(null);
  // A plan saved meanwhile (ours after a refresh, or someone else's) replaces what the form shows.
  if (shownPlan !== planKey) {
    setShownPlan(planKey);
    setValues(valuesOf(regions, plan));
  }
  const form = useActionForm(updateFieldworkPlan, {
    failureMessages,
    onStart: () => setDone(null),
    onSuccess: (data) => {
      setDone(t(data.changed ? "plan.savedStatus" : "plan.unchanged"));
      router.refresh();
    },
    onFailure: (failure) => {
      if (failure.error === "REJECTED" && failure.reason === "PLAN_CHANGED") router.refresh();
    },
  });

  const { fieldError } = form;

  const set = (region: string, kind: (typeof KINDS)[number]) => (value: string) =>
    setValues((current) => ({ ...current, [region]: { ...current[region]!, [kind]: value } }));

  return (
    <Section id="plan-form-title" title={t("plan.title")}>
      <ActionForm
        form={form}
        messageId="plan-error"
        done={done}
        onSubmit={form.handleSubmit(() => ({
          evaluationId,
          // Every row, in the order shown, so an error's path ("regions.3.plannedInterviews") names its box.
          regions: regions.map(({ region }) => ({ region, ...values[region]! })),
          seen: plan,
        }))}
      >
        <StaticTable
          captionId="plan-caption"
          caption={t("plan.caption")}
          columns={[t("plan.region"), t("plan.interviews"), t("plan.focusGroups")]}
          compact
        >
          {regions.map(({ region, label }, index) => (
            <tr key={region}>
              <th scope="row">{label}</th>
              {KINDS.map((kind) => {
                const id = `plan-${index}-${kind}`;
                const error =
                  fieldError(`regions.${index}.${kind}`) ??
                  (kind === "plannedInterviews" ? fieldError(`regions.${index}.region`) : null);
                return (
                  <td key={kind} className="numeric">
                    <label className="visually-hidden" htmlFor={id}>
                      {t(kind === "plannedInterviews" ? "plan.interviewsIn" : "plan.focusGroupsIn", { region: label })}
                    </label>
                    <input
                      id={id}
                      className="field__input"
                      {...wholeNumber(0, PLANNED_MAX)}
                      value={values[region]?.[kind] ?? ""}
                      onChange={(event) => set(region, kind)(event.target.value)}
                      {...controlAria(id, null, error)}
                    />
                    <FieldNote id={id} kind="error" text={error} />
                  </td>
                );
              })}
            </tr>
          ))}
        </StaticTable>
        <SubmitButton busy={form.busy} busyLabel={t("plan.saving")}>
          {t("plan.save")}
        </SubmitButton>
      </ActionForm>
    </Section>
  );
}
