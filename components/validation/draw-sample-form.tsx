"use client";
/**
 * Draws a round's sample under a rule the lead chooses: by default respondents who share the
 * stories' states or their storytellers' types (decision 0043). The round remembers the rule, so
 * drawing again offers the one used last.
 */
import { Button } from "@/components/ui/button";
import { drawValidationSample } from "@/lib/validation/actions";
import { SAMPLE_RULES, type SampleRule } from "@/lib/validation/types";
import styles from "./validation.module.css";
import { StatusLine, useStatusAction } from "./use-status-action";

type Drawn = { drawn: number; eligible: number; matching: number; beyondRule: number; seed: number };

export function DrawSampleForm({
  evaluationId,
  roundId,
  rule,
}: {
  evaluationId: string;
  roundId: string;
  rule: SampleRule;
}) {
  const { run, busy, error, done, t } = useStatusAction("respondentValidation");
  return (
    <form
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = String(new FormData(event.currentTarget).get("rule") ?? "") as SampleRule;
        void run(
          () => drawValidationSample({ evaluationId, roundId, rule: chosen }),
          (d) => t("sampleRule.drawn", d as Drawn),
        );
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend>{t("sampleRule.legend")}</legend>
        <p className="field__hint">{t("sampleRule.hint")}</p>
        {SAMPLE_RULES.map((value) => (
          <label key={value} className="checkbox" htmlFor={`sample-rule-${value}`}>
            <input id={`sample-rule-${value}`} type="radio" name="rule" value={value} defaultChecked={value === rule} />{" "}
            {t(`sampleRule.rules.${value}`)}
          </label>
        ))}
      </fieldset>
      <p className="field__hint">{t("round.drawHint")}</p>
      <Button type="submit" busy={busy} busyLabel={t("round.drawing")}>
        {t("round.draw")}
      </Button>
      <StatusLine error={error} done={done} />
    </form>
  );
}
