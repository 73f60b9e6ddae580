"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setTwoFactorRequirement } from "@/lib/users/actions";
import { failureKey, useMessage } from "./form-kit";

/** The installation's "require two-factor sign-in" switch: a button with role="switch". */
export function TwoFactorSwitch({ required }: { required: boolean }) {
  const t = useTranslations("admin.twoFactor");
  const message = useMessage();
  const router = useRouter();
  const [value, setValue] = useState(required);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const result = await setTwoFactorRequirement({ required: !value });
      if (result.ok) {
        setValue(result.data.required);
        setStatus(t(result.data.required ? "savedOn" : "savedOff"));
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
    <section className="section" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t("title")}</h2>
      <p className="muted" id="two-factor-intro">
        {t("intro")}
      </p>
      <div className="actions">
        <span id="two-factor-label" className="field__label">
          {t("label")}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={value}
          aria-labelledby="two-factor-label"
          aria-describedby="two-factor-intro"
          aria-busy={busy || undefined}
          disabled={busy}
          className={["button", value ? "button--primary" : "button--secondary"].join(" ")}
          onClick={toggle}
        >
          {value ? t("on") : t("off")}
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
