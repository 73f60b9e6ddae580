"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ActionError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { assignStoryDomain, endStoryDomain } from "@/lib/domains/actions";
import { LIMITS } from "@/lib/stories/types";
import { assignmentFailureMessages } from "@/components/domains/failure-messages";
import { dynamic } from "./form-types";
import styles from "./stories.module.css";
import { TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/choice-fields";
import { RadioGroup } from "@/components/ui/radio-group";

type Props = {
  evaluationId: string;
  storyId: string;
  domains: Array<{ id: string; label: string }>;
  current: Array<{ id: string; kind: "PRIMARY" | "SECONDARY"; label: string }>;
};

const FIELD_ORDER = [
  ["domainId", "domain-assign-domain"],
  ["kind", "domain-assign-kind"],
  ["rationale", "domain-assign-rationale"],
] as const;

/** Assign a primary or secondary domain with its reason; end a secondary one. */
export function DomainAssignment({ evaluationId, storyId, domains, current }: Props) {
  const t = useTranslations("stories");
  const router = useRouter();
  const [domainId, setDomainId] = useState("");
  const [kind, setKind] = useState<"PRIMARY" | "SECONDARY">(
    current.some((row) => row.kind === "PRIMARY") ? "SECONDARY" : "PRIMARY",
  );
  const [rationale, setRationale] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const assign = useActionForm(assignStoryDomain, {
    focus: FIELD_ORDER,
    failureMessages: assignmentFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => {
      setDomainId("");
      setRationale("");
      setStatus(t("domains.assigned"));
      router.refresh();
    },
  });
  const end = useActionForm(endStoryDomain, {
    clearOnStart: true,
    failureMessages: assignmentFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => {
      setStatus(t("domains.endedStatus"));
      router.refresh();
    },
  });

  const secondary = current.filter((row) => row.kind === "SECONDARY");
  return (
    <div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {secondary.length ? (
        <ul className="plain-list">
          {secondary.map((row) => (
            <li key={row.id}>
              {row.label}{" "}
              <Button
                variant="secondary"
                busy={end.busy}
                busyLabel={t("form.saving")}
                onClick={() => void end.submit({ evaluationId, storyId, assignmentId: row.id })}
              >
                {t("domains.end", { domain: row.label })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ActionError message={end.formError} />
      <ActionForm
        form={assign}
        messageId="domain-assign-error"
        className={styles.form}
        onSubmit={assign.handleSubmit(() => ({
          evaluationId,
          storyId,
          domainId,
          kind,
          rationale,
          expectedPrimaryId: current.find((row) => row.kind === "PRIMARY")?.id ?? null,
        }))}
        aria-labelledby="domain-assign-title"
        heading={<h3 id="domain-assign-title">{t("domains.assignTitle")}</h3>}
      >
        <SelectField
          id="domain-assign-domain"
          label={t("domains.domain")}
          value={domainId}
          placeholder={t("form.choose")}
          error={assign.fieldError("domainId")}
          options={domains.map((domain) => ({ value: domain.id, label: domain.label }))}
          onValueChange={setDomainId}
        />
        <RadioGroup
          id="domain-assign-kind"
          legend={t("domains.kind")}
          hint={t("domains.kindHint")}
          error={assign.fieldError("kind")}
          options={(["PRIMARY", "SECONDARY"] as const).map((value) => ({
            value,
            label: dynamic(t, `domains.kindOptions.${value}`),
          }))}
          value={kind}
          onChange={(value) => setKind(value as "PRIMARY" | "SECONDARY")}
        />
        <TextAreaField
          id="domain-assign-rationale"
          label={t("domains.rationale")}
          hint={t("domains.rationaleHint")}
          rows={3}
          maxLength={LIMITS.rationale}
          value={rationale}
          error={assign.fieldError("rationale")}
          onValueChange={setRationale}
        />
        <SubmitButton busy={assign.busy} busyLabel={t("form.saving")}>
          {t("domains.assign")}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
