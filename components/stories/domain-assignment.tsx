"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { assignStoryDomain, endStoryDomain } from "@/lib/domains/actions";
import { LIMITS } from "@/lib/stories/schema";
import { ChoiceGroup, SelectInput, TextArea } from "./form-controls";
import { dynamic } from "./form-types";
import styles from "./stories.module.css";

type Props = {
  evaluationId: string;
  storyId: string;
  domains: Array<{ id: string; label: string }>;
  current: Array<{ id: string; kind: "PRIMARY" | "SECONDARY"; label: string }>;
};

/** Assign a primary or secondary domain with its reason; end a secondary one. */
export function DomainAssignment({ evaluationId, storyId, domains, current }: Props) {
  const t = useTranslations("stories");
  const router = useRouter();
  const [domainId, setDomainId] = useState("");
  const [kind, setKind] = useState<"PRIMARY" | "SECONDARY">(current.some((row) => row.kind === "PRIMARY") ? "SECONDARY" : "PRIMARY");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const message = (key: string) => dynamic(t, t.has(`errors.${key}` as never) ? `errors.${key}` : "errors.invalid");

  function failure(result: { error: string; reason?: string; field?: string; fieldErrors?: Record<string, string[]> }) {
    if (result.error === "INVALID" && result.fieldErrors) {
      setErrors(Object.fromEntries(Object.entries(result.fieldErrors).map(([field, keys]) => [field, message(keys[0] ?? "invalid")])));
    } else if (result.error === "REJECTED" && result.field) {
      setErrors({ [result.field]: message(result.reason ?? "invalid") });
    } else {
      setStatus(message(result.error === "REJECTED" ? (result.reason ?? "UNEXPECTED") : result.error));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!domainId) local.domainId = message("required");
    if (!rationale.trim()) local.rationale = message("required");
    setErrors(local);
    setStatus(null);
    if (Object.keys(local).length) {
      document.getElementById(local.domainId ? "domain-assign-domain" : "domain-assign-rationale")?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await assignStoryDomain({ evaluationId, storyId, domainId, kind, rationale });
      if (result.ok) {
        setDomainId("");
        setRationale("");
        setStatus(t("domains.assigned"));
        router.refresh();
      } else failure(result);
    } catch {
      setStatus(message("UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  async function end(assignmentId: string) {
    setBusy(true);
    setStatus(null);
    try {
      const result = await endStoryDomain({ evaluationId, storyId, assignmentId });
      if (result.ok) {
        setStatus(t("domains.endedStatus"));
        router.refresh();
      } else failure(result);
    } catch {
      setStatus(message("UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {current.some((row) => row.kind === "SECONDARY") ? (
        <ul className="plain-list">
          {current
            .filter((row) => row.kind === "SECONDARY")
            .map((row) => (
              <li key={row.id}>
                {row.label}{" "}
                <Button variant="secondary" disabled={busy} onClick={() => void end(row.id)}>
                  {t("domains.end", { domain: row.label })}
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
      <form className={styles.form} noValidate onSubmit={onSubmit} aria-labelledby="domain-assign-title">
        <h3 id="domain-assign-title">{t("domains.assignTitle")}</h3>
        <SelectInput id="domain-assign-domain" label={t("domains.domain")} value={domainId} placeholder={t("form.choose")} error={errors.domainId} options={domains.map((domain) => ({ value: domain.id, label: domain.label }))} onChange={setDomainId} />
        <ChoiceGroup
          id="domain-assign-kind"
          legend={t("domains.kind")}
          hint={t("domains.kindHint")}
          type="radio"
          error={errors.kind}
          options={(["PRIMARY", "SECONDARY"] as const).map((value) => ({ value, label: dynamic(t, `domains.kindOptions.${value}`) }))}
          selected={[kind]}
          onToggle={(value) => setKind(value as "PRIMARY" | "SECONDARY")}
        />
        <TextArea id="domain-assign-rationale" label={t("domains.rationale")} hint={t("domains.rationaleHint")} rows={3} maxLength={LIMITS.rationale} value={rationale} error={errors.rationale} onChange={setRationale} />
        <div>
          <Button type="submit" busy={busy} busyLabel={t("form.saving")}>
            {t("domains.assign")}
          </Button>
        </div>
      </form>
    </div>
  );
}
