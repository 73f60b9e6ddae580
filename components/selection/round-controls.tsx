"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
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
  const [confirmCancel, setConfirmCancel] = useState(false);
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
          <Button busy={close.busy} busyLabel={t("saving")} onClick={() => void close.submit(input)}>
            {t("controls.close")}
          </Button>
        ) : null}
        {["DRAFT", "OPEN", "CLOSED"].includes(status) ? (
          confirmCancel ? (
            <>
              <Button variant="secondary" busy={cancel.busy} busyLabel={t("saving")} onClick={() => void cancel.submit(input)}>
                {t("controls.confirmCancel")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
                {t("controls.keep")}
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirmCancel(true)}>
              {t("controls.cancel")}
            </Button>
          )
        ) : null}
      </div>
      {confirmCancel ? <p className="muted">{t("controls.cancelHelp")}</p> : null}
      <ActionError message={error} />
    </div>
  );
}
