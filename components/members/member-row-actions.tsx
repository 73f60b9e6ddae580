"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CheckboxGroup, failureKey, fieldErrorsFromZod, resultFieldErrors, useFieldError, useMessage, type FieldErrors } from "@/components/admin/form-kit";
import { Button } from "@/components/ui/button";
import { removeMember, updateMemberRoles } from "@/lib/members/actions";
import { updateMemberRolesSchema } from "@/lib/members/schema";
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
  const message = useMessage();
  const router = useRouter();
  const roleOptions = useRoleOptions();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<"idle" | "roles" | "remove">("idle");
  const [selected, setSelected] = useState<string[]>(roles);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const fieldError = useFieldError(errors);
  const idBase = `member-${memberId}`;

  useEffect(() => {
    // Opening a panel moves focus into it: the first role, or the confirmation button.
    if (mode === "roles") document.getElementById(`${idBase}-roles-0`)?.focus();
  }, [mode, idBase]);

  function close(focus: "roles" | "remove") {
    setMode("idle");
    setErrors({});
    setError(null);
    // Focus goes back to the button that opened the panel.
    requestAnimationFrame(() => (focus === "roles" ? toggleRef : removeRef).current?.focus());
  }

  async function saveRoles(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = { evaluationId, memberId, roles: selected };
    const parsed = updateMemberRolesSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      document.getElementById(`${idBase}-roles`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await updateMemberRoles(input);
      if (result.ok) {
        setStatus(t("rolesSaved", { name }));
        close("roles");
        router.refresh();
      } else {
        const fields = resultFieldErrors(result);
        setErrors(fields);
        setError(fields.roles ? null : message(failureKey(result)));
        document.getElementById(`${idBase}-roles`)?.focus();
      }
    } catch {
      setError(message("admin.errors.UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  async function confirmRemove() {
    if (busy) return;
    setBusy(true);
    try {
      const result = await removeMember({ evaluationId, memberId });
      if (result.ok) {
        setStatus(t("removed", { name }));
        setMode("idle");
        router.refresh();
      } else {
        setError(message(failureKey(result)));
      }
    } catch {
      setError(message("admin.errors.UNEXPECTED"));
    } finally {
      setBusy(false);
    }
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
        <form noValidate onSubmit={saveRoles} aria-label={t("rolesLegend", { name })}>
          <CheckboxGroup
            id={`${idBase}-roles`}
            name="roles"
            legend={t("rolesLegend", { name })}
            options={roleOptions}
            selected={selected}
            onChange={setSelected}
            error={fieldError("roles")}
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
            <Button autoFocus busy={busy} busyLabel={t("removing")} onClick={confirmRemove}>
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
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
