"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { CheckboxGroup, failureKey, fieldErrorsFromZod, focusFirstInvalid, resultFieldErrors, useFieldError, useMessage, type FieldErrors } from "@/components/admin/form-kit";
import { OneTimeLink } from "@/components/admin/one-time-link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inviteMember } from "@/lib/invitations/actions";
import { inviteMemberSchema } from "@/lib/invitations/schema";
import { EMAIL_MAX } from "@/lib/users/schema";
import { useRoleOptions } from "./role-options";

const FIELD_ORDER = [
  ["email", "invite-email"],
  ["roles", "invite-roles"],
] as const;

export function InviteMemberForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("members.invite");
  const message = useMessage();
  const router = useRouter();
  const roleOptions = useRoleOptions();
  const formRef = useRef<HTMLFormElement>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; link: string } | null>(null);
  const fieldError = useFieldError(errors);

  function fail(next: FieldErrors, key: string | null) {
    setErrors(next);
    setFormError(message(key));
    focusFirstInvalid(next, FIELD_ORDER);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const input = { evaluationId, email: String(data.get("email") ?? ""), roles };
    const parsed = inviteMemberSchema.safeParse(input);
    if (!parsed.success) return fail(fieldErrorsFromZod(parsed.error), "admin.errors.INVALID");
    setBusy(true);
    setCreated(null);
    try {
      const result = await inviteMember(input);
      if (result.ok) {
        setErrors({});
        setFormError(null);
        setCreated({ email: parsed.data.email, link: result.data.link });
        formRef.current?.reset();
        setRoles([]);
        router.refresh();
      } else {
        fail(resultFieldErrors(result), failureKey(result));
      }
    } catch {
      fail({}, "admin.errors.UNEXPECTED");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-describedby="invite-error">
        <p className="form-error" role="alert" id="invite-error">
          {formError}
        </p>
        <Field
          id="invite-email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          maxLength={EMAIL_MAX}
          error={fieldError("email")}
        />
        <CheckboxGroup id="invite-roles" name="roles" legend={t("roles")} options={roleOptions} selected={roles} onChange={setRoles} error={fieldError("roles")} />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t("submitting")}>
            {t("submit")}
          </Button>
        </div>
      </form>
      {created ? <OneTimeLink id="invite-link" link={created.link} intro={t("created", { email: created.email })} /> : null}
    </section>
  );
}
