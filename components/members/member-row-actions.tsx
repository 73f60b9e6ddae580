"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { adminFailureMessages, useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { removeMember, updateMemberRoles } from "@/lib/members/actions";
import { useRoleOptions } from "./role-options";

type Props = {
  evaluationId: string;
  memberId: string;
  name: string;
  roles: string[];
  canUpdateRoles: boolean;
  canRemove: boolean;
};

/** Per-member controls, shown only to those who may use them (the server checks again). */
export function MemberRowActions({ evaluationId, memberId, name, roles, canUpdateRoles, canRemove }: Props) {
  const t = useTranslations("members");
  const router = useRouter();
  const roleOptions = useRoleOptions();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<"idle" | "roles" | "remove">("idle");
  const [selected, setSelected] = useState<string[]>(roles);
  const [status, setStatus] = useState<string | null>(null);
  const idBase = `member-${memberId}`;
  const rolesForm = useActionForm(updateMemberRoles, {
    focus: () => document.getElementById(`${idBase}-roles`)?.focus(),
    // A message under the roles says it all; nothing on top.
    failureMessages: (failure) => {
      const messages = adminFailureMessages(failure);
      return messages.fields.roles ? { ...messages, form: null } : messages;
    },
    onSuccess: () => {
      setStatus(t("rolesSaved", { name }));
      close("roles");
      router.refresh();
    },
  });
  const removal = useActionForm(removeMember, {
    onSuccess: () => {
      setStatus(t("removed", { name }));
      setMode("idle");
      router.refresh();
    },
  });
  // One row, one thing at a time: both buttons wait while either call runs.
  const busy = rolesForm.busy || removal.busy;

  useEffect(() => {
    // Opening a panel moves focus into it: the first role, or the confirmation button.
    if (mode === "roles") document.getElementById(`${idBase}-roles-0`)?.focus();
  }, [mode, idBase]);

  function close(focus: "roles" | "remove") {
    setMode("idle");
    rolesForm.clear();
    removal.clear();
    // Focus goes back to the button that opened the panel.
    requestAnimationFrame(() => (focus === "roles" ? toggleRef : removeRef).current?.focus());
  }

  return (
    <div className="row-actions">
      {mode === "idle" ? (
        <div className="actions">
          {canUpdateRoles ? (
            <button
              ref={toggleRef}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSelected(roles);
                setStatus(null);
                setMode("roles");
              }}
            >
              {t("changeRoles", { name })}
            </button>
          ) : null}
          {canRemove ? (
            <button
              ref={removeRef}
              type="button"
              className="button button--secondary"
              onClick={() => {
                setStatus(null);
                setMode("remove");
              }}
            >
              {t("remove", { name })}
            </button>
          ) : null}
        </div>
      ) : null}

      {mode === "roles" ? (
        <form
          method="post"
          noValidate
          onSubmit={rolesForm.handleSubmit(() => ({ evaluationId, memberId, roles: selected }))}
          aria-label={t("rolesLegend", { name })}
        >
          <CheckboxGroup
            id={`${idBase}-roles`}
            name="roles"
            legend={t("rolesLegend", { name })}
            options={roleOptions}
            selected={selected}
            onChange={setSelected}
            error={rolesForm.fieldError("roles")}
          />
          <div className="actions">
            <Button type="submit" busy={busy} busyLabel={t("saving")}>
              {t("save")}
            </Button>
            <Button variant="secondary" onClick={() => close("roles")}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}

      {mode === "remove" ? (
        <div role="group" aria-labelledby={`${idBase}-remove-question`}>
          <p id={`${idBase}-remove-question`}>{t("removeQuestion", { name })}</p>
          <div className="actions">
            <Button
              autoFocus
              busy={busy}
              busyLabel={t("removing")}
              onClick={() => removal.submit({ evaluationId, memberId })}
            >
              {t("removeConfirm", { name })}
            </Button>
            <Button variant="secondary" onClick={() => close("remove")}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}

      <p role="status" className="muted">
        {status}
      </p>
      <ActionError message={rolesForm.formError ?? removal.formError} />
    </div>
  );
}
