"use client";

/** The analysts' contribution and sustainability form; it saves through the story's own save (a new revision). */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { LIMITS } from "@/lib/stories/types";
import { saveStoryVerification } from "@/lib/triangulation/actions";
import { type VerificationFieldsInput } from "@/lib/triangulation/schema";
import { CONTRIBUTION_RATINGS } from "@/lib/triangulation/types";
import { triangulationFailureMessages } from "./failure-messages";
import styles from "./triangulation.module.css";
import { TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/choice-fields";

type Values = {
  contributionNarrative: string;
  contributions: Array<{ projectId: string; howContributed: string }>;
  contributionRating: string;
  contributionRatingReason: string;
  sustainabilityAssessment: string;
  sustainabilityConditions: string;
  sustainabilityRisks: string;
};

type Props = {
  evaluationId: string;
  storyId: string;
  version: number;
  initial: Values;
  projects: Array<{ id: string; acronym: string; name: string }>;
};

export function VerificationForm({ evaluationId, storyId, version, initial, projects }: Props) {
  const t = useTranslations("triangulation");
  const router = useRouter();
  const [values, setValues] = useState<Values>(initial);
  const [status, setStatus] = useState<string | null>(null);
  const form = useActionForm(saveStoryVerification, {
    failureMessages: triangulationFailureMessages,
    clearOnStart: true,
    focus: (fields) => {
      const first = Object.keys(fields)[0];
      if (first) document.getElementById(`verification-${first.replace(/\./g, "-")}`)?.focus();
    },
    onSuccess: (data) => {
      setStatus(t("verification.saved", { version: data.version }));
      router.refresh();
    },
  });
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const error = (path: string) => form.fieldError(path);
  const id = (path: string) => `verification-${path.replace(/\./g, "-")}`;
  const projectName = (projectId: string) => projects.find((project) => project.id === projectId)?.acronym ?? "";
  const text = (field: keyof Omit<Values, "contributions" | "contributionRating">, label: string) => (
    <TextAreaField
      id={id(field)}
      label={label}
      rows={3}
      value={values[field]}
      onValueChange={(value) => set({ [field]: value })}
      maxLength={LIMITS.mediumText}
      error={error(field)}
    />
  );

  return (
    <ActionForm
      form={form}
      messageId="verification-form-error"
      className={styles.form}
      done={status}
      onSubmit={form.handleSubmit(() => {
        setStatus(null);
        return { evaluationId, storyId, expectedVersion: version, fields: values as VerificationFieldsInput };
      })}
    >
      <fieldset className={styles.fieldset}>
        <legend>{t("verification.contributionLegend")}</legend>
        {text("contributionNarrative", t("verification.narrative"))}
        {/* The page has only its h1 above: an h3 here skipped a level (axe heading-order). */}
        <h2 className={styles.subheading}>{t("verification.projects")}</h2>
        {values.contributions.map((row, index) => (
          <div key={index} className={styles.contributionRow}>
            <SelectField
              id={id(`contributions.${index}.projectId`)}
              label={t("verification.project")}
              value={row.projectId}
              placeholder={t("verification.chooseProject")}
              options={projects.map((project) => ({
                value: project.id,
                label: `${project.acronym} — ${project.name}`,
              }))}
              onValueChange={(value) =>
                set({
                  contributions: values.contributions.map((item, i) =>
                    i === index ? { ...item, projectId: value } : item,
                  ),
                })
              }
              error={error(`contributions.${index}.projectId`)}
            />
            <TextAreaField
              id={id(`contributions.${index}.howContributed`)}
              label={t("verification.how")}
              rows={2}
              value={row.howContributed}
              maxLength={LIMITS.mediumText}
              onValueChange={(value) =>
                set({
                  contributions: values.contributions.map((item, i) =>
                    i === index ? { ...item, howContributed: value } : item,
                  ),
                })
              }
              error={error(`contributions.${index}.howContributed`)}
            />
            <Button
              variant="secondary"
              onClick={() => set({ contributions: values.contributions.filter((_, i) => i !== index) })}
            >
              {t("verification.removeProject", { project: projectName(row.projectId) || String(index + 1) })}
            </Button>
          </div>
        ))}
        <p>
          <Button
            variant="secondary"
            onClick={() => set({ contributions: [...values.contributions, { projectId: "", howContributed: "" }] })}
          >
            {t("verification.addProject")}
          </Button>
        </p>
        <SelectField
          id={id("contributionRating")}
          label={t("verification.rating")}
          value={values.contributionRating}
          placeholder={t("verification.noRating")}
          options={CONTRIBUTION_RATINGS.map((rating) => ({ value: rating, label: t(`ratings.${rating}`) }))}
          onValueChange={(value) => set({ contributionRating: value })}
          error={error("contributionRating")}
        />
        {text("contributionRatingReason", t("verification.ratingReason"))}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("verification.sustainabilityLegend")}</legend>
        {text("sustainabilityAssessment", t("verification.assessment"))}
        {text("sustainabilityConditions", t("verification.conditions"))}
        {text("sustainabilityRisks", t("verification.risks"))}
      </fieldset>
      <SubmitButton busy={form.busy} busyLabel={t("verification.busy")}>
        {t("verification.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
