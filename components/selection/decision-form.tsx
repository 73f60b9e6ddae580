"use client";

/**
 * The lead records what the panel decided: the stories it selected, each with the panel's reasons
 * in full sentences, dissent if any, and the feedback for the storytellers in their language.
 * The tally stands beside it on the page; it informs the decision, it does not make it.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectInput, TextArea } from "@/components/stories/form-controls";
import { recordSelectionDecision } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/schema";
import { selectionFailureMessages } from "./failure-messages";
import styles from "./selection.module.css";

type Candidate = { id: string; code: string; title: string };

export function DecisionForm(props: { evaluationId: string; roundId: string; version: number; candidates: Candidate[]; languages: Array<{ value: string; label: string }>; defaultLanguage: string }) {
  const { evaluationId, roundId, version, candidates, languages, defaultLanguage } = props;
  const t = useTranslations("selection");
  const router = useRouter();
  const [chosen, setChosen] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [dissent, setDissent] = useState("");
  const [feedback, setFeedback] = useState("");
  const [language, setLanguage] = useState(defaultLanguage);
  const selected = candidates.filter((c) => chosen.includes(c.id)).map((c) => ({ storyId: c.id, reason: reasons[c.id] ?? "" }));
  const form = useActionForm(recordSelectionDecision, {
    failureMessages: selectionFailureMessages,
    focus: (fields) => {
      const first = Object.keys(fields)[0] ?? "";
      const match = /^selected\.(\d+)/.exec(first);
      const id = match ? `decision-reason-${selected[Number(match[1])]?.storyId}` : first === "feedbackToStorytellers" ? "decision-feedback" : "decision-stories";
      document.getElementById(id)?.focus();
    },
    onSuccess: () => router.refresh(),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit({ evaluationId, roundId, expectedVersion: version, selected, dissent, feedbackToStorytellers: feedback, feedbackLanguage: language });
      }}
    >
      <FormError message={form.formError} />
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
                  onChange={(event) => setChosen(event.target.checked ? [...chosen, candidate.id] : chosen.filter((id) => id !== candidate.id))}
                />{" "}
                <span className="code">{candidate.code}</span> {candidate.title}
              </label>
              {index >= 0 ? (
                <TextArea
                  id={`decision-reason-${candidate.id}`}
                  label={t("decision.reason", { code: candidate.code })}
                  hint={t("decision.reasonHint")}
                  rows={4}
                  maxLength={SELECTION_LIMITS.longText}
                  value={reasons[candidate.id] ?? ""}
                  error={form.fieldError(`selected.${index}.reason`)}
                  onChange={(value) => setReasons({ ...reasons, [candidate.id]: value })}
                />
              ) : null}
            </div>
          );
        })}
        {form.fieldError("selected") ? <p className="field__error">{form.fieldError("selected")}</p> : null}
      </fieldset>
      <TextArea id="decision-dissent" label={t("decision.dissent")} hint={t("decision.dissentHint")} rows={3} maxLength={SELECTION_LIMITS.longText} value={dissent} onChange={setDissent} error={form.fieldError("dissent")} />
      <SelectInput id="decision-language" label={t("decision.language")} hint={t("decision.languageHint")} value={language} onChange={setLanguage} options={languages} error={form.fieldError("feedbackLanguage")} />
      <TextArea id="decision-feedback" label={t("decision.feedback")} hint={t("decision.feedbackHint")} rows={5} maxLength={SELECTION_LIMITS.longText} lang={language} value={feedback} onChange={setFeedback} error={form.fieldError("feedbackToStorytellers")} />
      <SubmitButton busy={form.busy} busyLabel={t("saving")}>
        {t("decision.submit")}
      </SubmitButton>
    </form>
  );
}
