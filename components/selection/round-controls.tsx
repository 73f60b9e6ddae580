"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { SelectionRoundStatus } from "@/lib/generated/prisma/enums";
import { cancelSelectionRound, closeSelectionRound, openSelectionRound } from "@/lib/selection/actions";
import { selectionFailureMessages } from "./failure-messages";
import styles from "./selection.module.css";

type Props = { evaluationId: string; roundId: string; status: SelectionRoundStatus; version: number };

/** The lead's buttons for the round's status: open a draft, close an open round, cancel before a decision. */
export function RoundControls({ evaluationId, roundId, status, version }: Props) {
  const t = useTranslations("selection");
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const options = {
    failureMessages: selectionFailureMessages,
    clearOnStart: true,
    onSuccess: (data: { status: string }) => {
      setDone(t("controls.done", { status: t(`statuses.${data.status as SelectionRoundStatus}`) }));
      router.refresh();
    },
  };
  const open = useActionForm(openSelectionRound, options);
  const close = useActionForm(closeSelectionRound, options);
  const cancel = useActionForm(cancelSelectionRound, options);
  const input = { evaluationId, roundId, expectedVersion: version };
  const error = open.formError ?? close.formError ?? cancel.formError;

  return (
    <div className={styles.controls}>
      <p role="status" className={done ? "notice" : undefined}>
        {done}
      </p>
      <div className="actions">
        {status === "DRAFT" ? (
          <Button busy={open.busy} busyLabel={t("saving")} onClick={() => void open.submit(input)}>
            {t("controls.open")}
          </Button>
        ) : null}
        {status === "OPEN" ? (
          <ConfirmButton
            variant="primary"
            label={t("controls.close")}
            confirmLabel={t("controls.confirmClose")}
            cancelLabel={t("controls.keepOpen")}
            consequence={t("controls.closeHelp")}
            busy={close.busy}
            busyLabel={t("saving")}
            onConfirm={() => void close.submit(input)}
          />
        ) : null}
        {["DRAFT", "OPEN", "CLOSED"].includes(status) ? (
          <ConfirmButton
            label={t("controls.cancel")}
            confirmLabel={t("controls.confirmCancel")}
            cancelLabel={t("controls.keep")}
            consequence={t("controls.cancelHelp")}
            busy={cancel.busy}
            busyLabel={t("saving")}
            onConfirm={() => void cancel.submit(input)}
          />
        ) : null}
      </div>
      <ActionError message={error} />
    </div>
  );
}
