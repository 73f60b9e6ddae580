"use client";

/**
 * The lead records what the panel decided: the stories it selected, each with the panel's reasons
 * in full sentences, dissent if any, and for every candidate, selected or not, the feedback to its
 * storytellers in their language (their languages are offered first).
 * The tally stands beside it on the page; it informs the decision, it does not make it.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { recordSelectionDecision } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/types";
import { selectionFailureMessages } from "./failure-messages";
import styles from "./selection.module.css";
import { TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/choice-fields";

type Candidate = { id: string; code: string; title: string; languages: Array<{ value: string; label: string }> };

export function DecisionForm(props: {
  evaluationId: string;
  roundId: string;
  version: number;
  candidates: Candidate[];
}) {
  const { evaluationId, roundId, version, candidates } = props;
  const t = useTranslations("selection");
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [reasonTranslations, setReasonTranslations] = useState<Record<string, string>>({});
  const [dissent, setDissent] = useState("");
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [languages, setLanguages] = useState<Record<string, string>>(() =>
    Object.fromEntries(candidates.map((c) => [c.id, c.languages[0]?.value ?? "es"])),
  );
  const selected = candidates
    .filter((c) => chosen.includes(c.id))
    .map((c) => ({ storyId: c.id, reason: reasons[c.id] ?? "", reasonTranslation: reasonTranslations[c.id] ?? "" }));
  const feedback = candidates.map((c) => ({ storyId: c.id, language: languages[c.id]!, text: texts[c.id] ?? "" }));
  const form = useActionForm(recordSelectionDecision, {
    failureMessages: selectionFailureMessages,
    focus: (fields) => {
      const first = Object.keys(fields)[0] ?? "";
      const reason = /^selected\.(\d+)(\.reasonTranslation)?/.exec(first);
      const told = /^feedback\.(\d+)\.(text|language)/.exec(first);
      const id = reason
        ? `decision-reason${reason[2] ? "-translation" : ""}-${selected[Number(reason[1])]?.storyId}`
        : told
          ? `decision-feedback-${told[2]}-${candidates[Number(told[1])]?.id}`
          : first === "feedback"
            ? "decision-feedback"
            : "decision-stories";
      document.getElementById(id)?.focus();
    },
    onSuccess: () => router.refresh(),
  });

  return (
    <ActionForm
      form={form}
      messageId="decision-form-message"
      className=""
      onSubmit={form.handleSubmit(() => ({
        evaluationId,
        roundId,
        expectedVersion: version,
        selected,
        dissent,
        feedback,
      }))}
    >
      <fieldset id="decision-stories" tabIndex={-1} className={styles.decisionStories}>
        <legend className="field__label">{t("decision.selectedLegend")}</legend>
        <p className="field__hint">{t("decision.selectedHint")}</p>
        {candidates.map((candidate) => {
          const index = selected.findIndex((row) => row.storyId === candidate.id);
          return (
            <div key={candidate.id} className={styles.decisionRow}>
              <label className="checkbox" htmlFor={`decision-pick-${candidate.id}`}>
                <input
                  id={`decision-pick-${candidate.id}`}
                  type="checkbox"
                  checked={chosen.includes(candidate.id)}
                  onChange={(event) =>
                    setChosen(
                      event.target.checked ? [...chosen, candidate.id] : chosen.filter((id) => id !== candidate.id),
                    )
                  }
                />{" "}
                <span className="code">{candidate.code}</span> {candidate.title}
              </label>
              {index >= 0 ? (
                <TextAreaField
                  id={`decision-reason-${candidate.id}`}
                  label={t("decision.reason", { code: candidate.code })}
                  hint={t("decision.reasonHint")}
                  rows={4}
                  maxLength={SELECTION_LIMITS.longText}
                  value={reasons[candidate.id] ?? ""}
                  error={form.fieldError(`selected.${index}.reason`)}
                  onValueChange={(value) => setReasons({ ...reasons, [candidate.id]: value })}
                />
              ) : null}
              {index >= 0 ? (
                <TextAreaField
                  id={`decision-reason-translation-${candidate.id}`}
                  label={t("decision.reasonTranslation", { code: candidate.code })}
                  hint={t("decision.reasonTranslationHint")}
                  rows={3}
                  maxLength={SELECTION_LIMITS.longText}
                  value={reasonTranslations[candidate.id] ?? ""}
                  error={form.fieldError(`selected.${index}.reasonTranslation`)}
                  onValueChange={(value) => setReasonTranslations({ ...reasonTranslations, [candidate.id]: value })}
                />
              ) : null}
            </div>
          );
        })}
        {form.fieldError("selected") ? <p className="field__error">{form.fieldError("selected")}</p> : null}
      </fieldset>
      <TextAreaField
        id="decision-dissent"
        label={t("decision.dissent")}
        hint={t("decision.dissentHint")}
        rows={3}
        maxLength={SELECTION_LIMITS.longText}
        value={dissent}
        onValueChange={setDissent}
        error={form.fieldError("dissent")}
      />
      <fieldset id="decision-feedback" tabIndex={-1} className={styles.decisionStories}>
        <legend className="field__label">{t("decision.feedback")}</legend>
        <p className="field__hint">{t("decision.feedbackHint")}</p>
        {form.fieldError("feedback") ? <p className="field__error">{form.fieldError("feedback")}</p> : null}
        {candidates.map((candidate, index) => (
          <div key={candidate.id} className={styles.decisionRow}>
            <SelectField
              id={`decision-feedback-language-${candidate.id}`}
              label={t("decision.language", { code: candidate.code })}
              hint={t("decision.languageHint")}
              value={languages[candidate.id]!}
              onValueChange={(value) => setLanguages({ ...languages, [candidate.id]: value })}
              options={candidate.languages}
              error={form.fieldError(`feedback.${index}.language`)}
            />
            <TextAreaField
              id={`decision-feedback-text-${candidate.id}`}
              label={t("decision.feedbackFor", { code: candidate.code, title: candidate.title })}
              rows={4}
              maxLength={SELECTION_LIMITS.longText}
              lang={languages[candidate.id]}
              value={texts[candidate.id] ?? ""}
              onValueChange={(value) => setTexts({ ...texts, [candidate.id]: value })}
              error={form.fieldError(`feedback.${index}.text`)}
            />
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <ConfirmButton
          submit
          variant="primary"
          label={t("decision.submit")}
          confirmLabel={t("decision.confirmSubmit")}
          cancelLabel={t("decision.keepEditing")}
          consequence={t("decision.submitHelp", {
            selected: selected.length,
            others: candidates.length - selected.length,
          })}
          busy={form.busy}
          busyLabel={t("saving")}
        />
      </div>
    </ActionForm>
  );
}
