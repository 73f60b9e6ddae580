"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createSelectionPanel } from "@/lib/selection/actions";
import { SELECTION_LIMITS } from "@/lib/selection/types";
import { selectionFailureMessages } from "./failure-messages";
import { Field } from "@/components/ui/field";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { RadioGroup } from "@/components/ui/radio-group";

type Option = { value: string; label: string };

/** A lead sets up a panel: its level (one domain, or the portfolio) and its members (panelists of the evaluation). */
export function PanelForm({
  evaluationId,
  domains,
  panelists,
}: {
  evaluationId: string;
  domains: Option[];
  panelists: Option[];
}) {
  const t = useTranslations("selection");
  const router = useRouter();
  const [name, setName] = useState("");
  const [level, setLevel] = useState<"DOMAIN" | "PORTFOLIO">("DOMAIN");
  const [domainId, setDomainId] = useState("");
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(createSelectionPanel, {
    failureMessages: selectionFailureMessages,
    focus: [
      ["name", "panel-name"],
      ["domainId", "panel-domain"],
      ["memberIds", "panel-members"],
    ],
    onSuccess: () => {
      setDone(t("panelForm.created", { name }));
      setName("");
      setMemberIds([]);
      router.refresh();
    },
  });

  return (
    <ActionForm
      form={form}
      messageId="panel-form-message"
      className=""
      done={done}
      onSubmit={form.handleSubmit(() => {
        setDone(null);
        return { evaluationId, name, level, domainId: level === "DOMAIN" ? domainId : null, memberIds };
      })}
    >
      <Field
        id="panel-name"
        label={t("panelForm.name")}
        value={name}
        onValueChange={setName}
        maxLength={SELECTION_LIMITS.name}
        error={form.fieldError("name")}
        required
      />
      <RadioGroup
        id="panel-level"
        legend={t("panelForm.level")}
        options={[
          { value: "DOMAIN", label: t("levels.DOMAIN") },
          { value: "PORTFOLIO", label: t("levels.PORTFOLIO") },
        ]}
        value={level}
        onChange={(value) => setLevel(value as "DOMAIN" | "PORTFOLIO")}
      />
      {level === "DOMAIN" ? (
        <SelectField
          id="panel-domain"
          label={t("panelForm.domain")}
          value={domainId}
          onValueChange={setDomainId}
          options={domains}
          placeholder={t("panelForm.chooseDomain")}
          error={form.fieldError("domainId")}
        />
      ) : null}
      <CheckboxGroup
        id="panel-members"
        name="memberIds"
        legend={t("panelForm.members")}
        hint={t("panelForm.membersHint")}
        options={panelists}
        selected={memberIds}
        onChange={setMemberIds}
        error={form.fieldError("memberIds")}
      />
      <SubmitButton busy={form.busy} busyLabel={t("saving")}>
        {t("panelForm.submit")}
      </SubmitButton>
    </ActionForm>
  );
}
