"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createUser } from "@/lib/users/actions";
import { createUserSchema, EMAIL_MAX, NAME_MAX } from "@/lib/users/schema";
import {
  CheckboxField,
  failureKey,
  fieldErrorsFromZod,
  focusFirstInvalid,
  resultFieldErrors,
  SelectField,
  useFieldError,
  useMessage,
  type FieldErrors,
} from "./form-kit";
import { OneTimeLink } from "./one-time-link";

const FIELD_ORDER = [
  ["name", "create-user-name"],
  ["email", "create-user-email"],
  ["locale", "create-user-locale"],
] as const;

export function CreateUserForm({ defaultLocale }: { defaultLocale: "ES" | "EN" }) {
  const t = useTranslations("admin.createUser");
  const message = useMessage();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
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
    const input = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
      locale: String(data.get("locale") ?? ""),
      isAdmin: data.get("isAdmin") === "on",
    };
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) return fail(fieldErrorsFromZod(parsed.error), "admin.errors.INVALID");
    setBusy(true);
    setCreated(null);
    try {
      const result = await createUser(input);
      if (result.ok) {
        setErrors({});
        setFormError(null);
        setCreated({ email: parsed.data.email, link: result.data.link });
        formRef.current?.reset();
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
    <section className="section" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <form ref={formRef} className="form" noValidate onSubmit={handleSubmit} aria-describedby="create-user-error">
        <p className="form-error" role="alert" id="create-user-error">
          {formError}
        </p>
        <Field id="create-user-name" name="name" label={t("name")} autoComplete="off" required maxLength={NAME_MAX} error={fieldError("name")} />
        <Field
          id="create-user-email"
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
        <SelectField
          id="create-user-locale"
          name="locale"
          label={t("locale")}
          defaultValue={defaultLocale}
          options={[
            { value: "ES", label: t("localeES") },
            { value: "EN", label: t("localeEN") },
          ]}
          error={fieldError("locale")}
        />
        <CheckboxField id="create-user-admin" name="isAdmin" label={t("isAdmin")} hint={t("isAdminHint")} />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t("submitting")}>
            {t("submit")}
          </Button>
        </div>
      </form>
      {created ? <OneTimeLink id="create-user-link" link={created.link} intro={t("created", { email: created.email })} /> : null}
    </section>
  );
}
