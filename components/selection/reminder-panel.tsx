"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { sendSelectionReminder } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/types";
import { reminderFailureMessages } from "./failure-messages";
import { TextAreaField } from "@/components/ui/field";

type Props = {
  evaluationId: string;
  roundId: string;
  /** The lead's text, ready to send. */
  text: string;
  /** Who it goes to, as the lead reads them (with addresses when they copy the text themselves). */
  recipients: string;
  /** A mail server is set up: the app e-mails each panelist; otherwise the lead copies the text. */
  byMail: boolean;
  /** When the last reminder went out and the next may, or null. */
  lastSent: string | null;
};

/**
 * The reminder to the panelists who have not voted. By e-mail when the installation has a mail
 * server, each panelist separately; otherwise a text to copy, and sending it is recorded.
 */
export function ReminderPanel({ evaluationId, roundId, text, recipients, byMail, lastSent }: Props) {
  const t = useTranslations("selection");
  const format = useFormatter();
  const router = useRouter();
  const [value, setValue] = useState(text);
  const [done, setDone] = useState<string | null>(null);
  const [failedFor, setFailedFor] = useState<string | null>(null);
  const form = useActionForm(sendSelectionReminder, {
    failureMessages: reminderFailureMessages,
    clearOnStart: true,
    onStart: () => {
      setDone(null);
      setFailedFor(null);
    },
    onSuccess: ({ reminded, delivery }) => {
      if (delivery.kind === "EMAILED") {
        setDone(t("reminder.emailed", { count: delivery.emailed }));
        setFailedFor(
          delivery.failed.length
            ? t("reminder.failedFor", { names: format.list(delivery.failed, { type: "conjunction" }) })
            : null,
        );
      } else setDone(t("reminder.recorded", { count: reminded }));
      router.refresh();
    },
  });
  return (
    <div>
      <p>{byMail ? t("reminder.byMail") : t("reminder.noMail")}</p>
      {lastSent ? <p className="muted">{lastSent}</p> : null}
      <p>
        {t("reminder.to")} <span>{recipients}</span>
      </p>
      <TextAreaField
        id="reminder-text"
        label={t("reminder.text")}
        hint={byMail ? t("reminder.mailTextHint") : t("reminder.textHint")}
        rows={6}
        maxLength={SELECTION_LIMITS.longText}
        value={value}
        onValueChange={setValue}
        error={form.fieldError("text")}
      />
      <p role="status" className={done ? "notice" : undefined}>
        {done}
      </p>
      {failedFor ? (
        <p role="alert" className="form-error">
          {failedFor}
        </p>
      ) : null}
      <div className="actions">
        <Button
          variant="secondary"
          busy={form.busy}
          busyLabel={byMail ? t("reminder.sending") : t("saving")}
          onClick={() => void form.submit({ evaluationId, roundId, text: value })}
        >
          {byMail ? t("reminder.send") : t("reminder.record")}
        </Button>
      </div>
      <ActionError message={form.formError} />
    </div>
  );
}
