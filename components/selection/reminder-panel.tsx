"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextArea } from "@/components/stories/form-controls";
import { Button } from "@/components/ui/button";
import { recordSelectionReminder } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/schema";
import { selectionFailureMessages } from "./failure-messages";

/** A ready-to-send reminder for the panelists who have not voted; sending it is recorded in the audit trail. */
export function ReminderPanel({ evaluationId, roundId, text, recipients }: { evaluationId: string; roundId: string; text: string; recipients: string }) {
  const t = useTranslations("selection");
  const router = useRouter();
  const [value, setValue] = useState(text);
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(recordSelectionReminder, {
    failureMessages: selectionFailureMessages,
    clearOnStart: true,
    onSuccess: (data) => {
      setDone(t("reminder.recorded", { count: data.reminded }));
      router.refresh();
    },
  });
  return (
    <div>
      <p>
        {t("reminder.to")} <span>{recipients}</span>
      </p>
      <TextArea id="reminder-text" label={t("reminder.text")} hint={t("reminder.textHint")} rows={6} maxLength={SELECTION_LIMITS.longText} value={value} onChange={setValue} error={form.fieldError("text")} />
      <p role="status" className={done ? "notice" : undefined}>
        {done}
      </p>
      <div className="actions">
        <Button variant="secondary" busy={form.busy} busyLabel={t("saving")} onClick={() => void form.submit({ evaluationId, roundId, text: value })}>
          {t("reminder.record")}
        </Button>
      </div>
      <ActionError message={form.formError} />
    </div>
  );
}
