"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { FormError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { revealRespondentIdentity, updateRespondentIdentity } from "@/lib/respondents/actions";
import type { IdentityValues } from "@/lib/respondents/sealing";
import { IdentityFields, identityFromForm } from "./identity-fields";
import styles from "./respondents.module.css";
import { respondentFailureMessages } from "./failure-messages";

type IdentityPanelProps = {
  evaluationId: string;
  respondentId: string;
  version: number;
  /** Whether an identity is stored; never its content (that arrives only through "Show identity"). */
  state: "none" | "present" | "destroyed";
  destroyedAt: string | null;
  canEdit: boolean;
};

/**
 * The identity of a respondent, for leads and evaluators. Nothing identifying is in the page
 * until "Show identity" asks the server, which opens it and writes the audit event in one step.
 */
export function IdentityPanel({
  evaluationId,
  respondentId,
  version,
  state,
  destroyedAt,
  canEdit,
}: IdentityPanelProps) {
  const t = useTranslations("respondents.identity");
  const format = useFormatter();
  const router = useRouter();
  const [revealed, setRevealed] = useState<IdentityValues | null>(null);
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const revealer = useActionForm(revealRespondentIdentity, {
    failureMessages: respondentFailureMessages,
    clearOnStart: true,
    onStart: () => setStatus(null),
    onSuccess: (data) => {
      if (data.state === "present") setRevealed(data.values);
      else router.refresh();
    },
  });
  const revealedRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (revealed && !editing) revealedRef.current?.focus();
  }, [revealed, editing]);

  function reveal() {
    void revealer.submit({ evaluationId, respondentId });
  }

  function hide() {
    setRevealed(null);
    setEditing(false);
    // The button that showed the identity is back; put the keyboard there.
    requestAnimationFrame(() => panelRef.current?.querySelector<HTMLButtonElement>("button")?.focus());
  }

  if (state === "destroyed") {
    return (
      <p className={styles.status}>
        {t("destroyed", { date: destroyedAt ? format.dateTime(new Date(destroyedAt), { dateStyle: "long" }) : "—" })}
      </p>
    );
  }

  if (editing) {
    return (
      <IdentityForm
        evaluationId={evaluationId}
        respondentId={respondentId}
        version={version}
        defaults={revealed}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setRevealed(null);
          setEditing(false);
          setStatus(t("saved"));
          router.refresh();
        }}
      />
    );
  }

  return (
    <div ref={panelRef}>
      <p>{t("intro")}</p>
      <FormError message={revealer.formError} ref={revealer.messageRef} />
      <p role="status" className={styles.status}>
        {status}
      </p>
      {revealed ? (
        <div ref={revealedRef} tabIndex={-1} className={styles.revealed}>
          <p>{t("shownNotice")}</p>
          <dl className="facts">
            {(["name", "phone", "email", "community"] as const).map((field) => (
              <div className="facts__item" key={field}>
                <dt>{t(field)}</dt>
                <dd>{revealed[field] ?? <span className="muted">{t("notRecorded")}</span>}</dd>
              </div>
            ))}
          </dl>
          <div className={`actions ${styles.below}`}>
            <Button variant="secondary" onClick={hide}>
              {t("hide")}
            </Button>
            {canEdit ? (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t("edit")}
              </Button>
            ) : null}
          </div>
        </div>
      ) : state === "present" ? (
        <Button onClick={reveal} busy={revealer.busy} busyLabel={t("showing")}>
          {t("show")}
        </Button>
      ) : (
        <>
          <p>{t("none")}</p>
          {canEdit ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t("add")}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function IdentityForm({
  evaluationId,
  respondentId,
  version,
  defaults,
  onCancel,
  onSaved,
}: {
  evaluationId: string;
  respondentId: string;
  version: number;
  defaults: IdentityValues | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations("respondents.identity");
  const form = useActionForm(updateRespondentIdentity, {
    failureMessages: respondentFailureMessages,
    onSuccess: onSaved,
  });

  return (
    <ActionForm
      form={form}
      messageId="identity-form-summary"
      onSubmit={form.handleSubmit((data) => ({ evaluationId, respondentId, version, ...identityFromForm(data) }))}
    >
      <p className="field__hint">{t("intro")}</p>
      <IdentityFields idPrefix="identity" defaults={defaults} errorFor={form.fieldError} />
      <div className="actions">
        <Button type="submit" busy={form.busy} busyLabel={t("saving")}>
          {t("save")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
