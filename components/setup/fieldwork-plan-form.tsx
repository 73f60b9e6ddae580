"use client";

/**
 * The fieldwork plan: one row per Mexican state and per region abroad, with the interviews and
 * focus groups planned there. Saved as a whole against the plan the lead saw, so two leads
 * editing at once cannot overwrite each other (the second is asked to look again).
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/form-message";
import { StaticTable } from "@/components/ui/static-table";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateFieldworkPlan } from "@/lib/fieldwork-plan/actions";
import { PLANNED_MAX } from "@/lib/fieldwork-plan/types";
import { generalFailures, refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";
import type { PlanRefusal } from "@/lib/fieldwork-plan/mutations";

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
  const { submit, busy, fieldError, formError, formRef } = useActionForm(updateFieldworkPlan, {
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

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit({
      evaluationId,
      // Every row, in the order shown, so an error's path ("regions.3.plannedInterviews") names its box.
      regions: regions.map(({ region }) => ({ region, ...values[region]! })),
      seen: plan,
    });
  }

  const set = (region: string, kind: (typeof KINDS)[number]) => (value: string) =>
    setValues((current) => ({ ...current, [region]: { ...current[region]!, [kind]: value } }));

  return (
    <section className="section" aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{t("plan.title")}</h2>
      <form
        ref={formRef}
        method="post"
        className="form"
        noValidate
        onSubmit={handleSubmit}
        aria-describedby="plan-error"
      >
        <FormError id="plan-error" message={formError} done={done} />
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
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={PLANNED_MAX}
                      step={1}
                      value={values[region]?.[kind] ?? ""}
                      onChange={(event) => set(region, kind)(event.target.value)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                    />
                    {error ? (
                      <p className="field__error" id={`${id}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </StaticTable>
        <SubmitButton busy={busy} busyLabel={t("plan.saving")}>
          {t("plan.save")}
        </SubmitButton>
      </form>
    </section>
  );
}
