"use client";

/** Deletes one evidence item after a second, explicit confirmation. */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { removeEvidence } from "@/lib/triangulation/actions";
import { triangulationFailureMessages } from "./failure-messages";

export function DeleteEvidence({
  evaluationId,
  evidenceId,
  version,
  returnTo,
}: {
  evaluationId: string;
  evidenceId: string;
  version: number;
  returnTo: string;
}) {
  const t = useTranslations("triangulation");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const action = useActionForm(removeEvidence, {
    failureMessages: triangulationFailureMessages,
    clearOnStart: true,
    busyAfterSuccess: true,
    onSuccess: () => router.push(returnTo),
  });
  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t("evidence.delete")}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t("evidence.delete")}>
      <p>{t("evidence.deleteQuestion")}</p>
      <p className="actions">
        <Button
          busy={action.busy}
          busyLabel={t("evidence.deleteBusy")}
          onClick={() => action.submit({ evaluationId, evidenceId, expectedVersion: version })}
        >
          {t("evidence.deleteConfirm")}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t("evidence.cancel")}
        </Button>
      </p>
      <ActionError message={action.formError} />
    </div>
  );
}
