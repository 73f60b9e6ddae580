"use client";
/**
 * Draws a round's sample under a rule the lead chooses: by default respondents who share the
 * stories' states or their storytellers' types (decision 0043). The round remembers the rule, so
 * drawing again offers the one used last.
 */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { formText } from "@/components/ui/form-data";
import { RadioGroup } from "@/components/ui/radio-group";
import { drawValidationSample } from "@/lib/validation/actions";
import { SAMPLE_RULES, type SampleRule } from "@/lib/validation/types";
import { validationFailureMessages as failureMessages } from "./failure-messages";
import { StatusLine, useStatusAction } from "./use-status-action";

export function DrawSampleForm({
  evaluationId,
  roundId,
  rule,
}: {
  evaluationId: string;
  roundId: string;
  rule: SampleRule;
}) {
  const t = useTranslations("respondentValidation");
  const action = useStatusAction(drawValidationSample, {
    failureMessages,
    done: ({ drawn, matching, eligible, beyondRule, seed }) =>
      t("sampleRule.drawn", { drawn, matching, eligible, beyondRule, seed }),
  });
  return (
    <form
      method="post"
      noValidate
      onSubmit={action.handleSubmit((data) => ({
        evaluationId,
        roundId,
        rule: formText(data, "rule") as SampleRule,
      }))}
    >
      <RadioGroup
        id="sample-rule"
        name="rule"
        legend={t("sampleRule.legend")}
        hint={t("sampleRule.hint")}
        error={action.fieldError("rule")}
        options={SAMPLE_RULES.map((value) => ({ value, label: t(`sampleRule.rules.${value}`) }))}
        defaultValue={rule}
      />
      <p className="field__hint">{t("round.drawHint")}</p>
      <Button type="submit" busy={action.busy} busyLabel={t("round.drawing")}>
        {t("round.draw")}
      </Button>
      <StatusLine error={action.formError} done={action.done} />
    </form>
  );
}
