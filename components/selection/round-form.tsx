"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSelectionRound } from "@/lib/selection/actions";
import { SELECTION_LIMITS, VOTING_METHODS } from "@/lib/selection/types";
import { selectionFailureMessages } from "./failure-messages";
import { Field } from "@/components/ui/field";
import { WholeNumberField } from "@/components/ui/whole-number-field";
import { CheckboxField, SelectField } from "@/components/ui/choice-fields";
import { RadioGroup } from "@/components/ui/radio-group";
import { evaluationPath } from "@/lib/evaluations/paths";

type Option = { value: string; label: string };

/**
 * A lead creates a round for a panel: method, deadline, whether results stay hidden until the close.
 * Candidates are the panel's default (screened stories of its domain; for the portfolio, the stories
 * domain rounds selected); the round opens from its own page.
 */
/** `zone`: the evaluation's time zone as people read it; the deadline is typed in its clock time. */
export function RoundForm({ evaluationId, zone, panels }: { evaluationId: string; zone: string; panels: Option[] }) {
  const t = useTranslations("selection");
  const router = useRouter();
  const [panelId, setPanelId] = useState("");
  const [name, setName] = useState("");
  const [method, setMethod] = useState<(typeof VOTING_METHODS)[number]>("RANKING");
  const [scale, setScale] = useState("5");
  const [selectCount, setSelectCount] = useState("");
  const [deadline, setDeadline] = useState("");
  const [hidden, setHidden] = useState(true);
  const form = useActionForm(createSelectionRound, {
    failureMessages: selectionFailureMessages,
    focus: [
      ["panelId", "round-panel"],
      ["name", "round-name"],
      ["deadline", "round-deadline"],
      ["storyIds", "round-panel"],
    ],
    busyAfterSuccess: true,
    onSuccess: (data) => router.push(evaluationPath(evaluationId, "selection", "rounds", data.roundId)),
  });

  return (
    <ActionForm
      form={form}
      messageId="round-form-message"
      className=""
      onSubmit={form.handleSubmit(() => ({
        evaluationId,
        panelId,
        name,
        method,
        scoreScaleMax: method === "SCORING" ? Number(scale) : null,
        selectCount: selectCount ? Number(selectCount) : null,
        deadline,
        resultsHiddenUntilClosed: hidden,
        storyIds: [],
      }))}
    >
      <SelectField
        id="round-panel"
        label={t("roundForm.panel")}
        value={panelId}
        onValueChange={setPanelId}
        options={panels}
        placeholder={t("roundForm.choosePanel")}
        error={form.fieldError("panelId") ?? form.fieldError("storyIds")}
        hint={t("roundForm.candidatesHint")}
      />
      <Field
        id="round-name"
        label={t("roundForm.name")}
        value={name}
        onValueChange={setName}
        maxLength={SELECTION_LIMITS.name}
        error={form.fieldError("name")}
      />
      <RadioGroup
        id="round-method"
        legend={t("roundForm.method")}
        options={VOTING_METHODS.map((value) => ({ value, label: t(`methods.${value}.name`) }))}
        value={method}
        onChange={(value) => setMethod(value as typeof method)}
        hint={t(`methods.${method}.help`)}
      />
      {method === "SCORING" ? (
        <WholeNumberField
          id="round-scale"
          label={t("roundForm.scale")}
          min={2}
          max={SELECTION_LIMITS.scale}
          value={scale}
          onValueChange={setScale}
          error={form.fieldError("scoreScaleMax")}
        />
      ) : null}
      <WholeNumberField
        id="round-select-count"
        label={t("roundForm.selectCount")}
        hint={t("roundForm.selectCountHint")}
        min={1}
        max={SELECTION_LIMITS.candidates}
        value={selectCount}
        onValueChange={setSelectCount}
        error={form.fieldError("selectCount")}
      />
      <Field
        id="round-deadline"
        label={t("roundForm.deadline", { zone })}
        hint={t("roundForm.deadlineHint")}
        type="datetime-local"
        value={deadline}
        onValueChange={setDeadline}
        error={form.fieldError("deadline")}
      />
      <CheckboxField id="round-hidden" label={t("roundForm.hidden")} checked={hidden} onChange={setHidden} />
      <SubmitButton busy={form.busy} busyLabel={t("saving")}>
        {t("roundForm.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
