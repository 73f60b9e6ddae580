"use client";
/**
 * Calls a server action and turns its result into one message in the user's language, under the
 * namespace's `errors.*` keys (unknown reasons read as the generic message). Busy while it runs.
 */
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions";

export function useStatusAction(namespace: "respondentValidation" | "reviews") {
  const t = useTranslations(namespace);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const message = (key: string) =>
    t.has(`errors.${key}` as never) ? t(`errors.${key}` as never) : t("errors.UNEXPECTED" as never);

  async function run<R>(
    call: () => Promise<ActionResult<R>>,
    onSuccess?: (data: R) => string | null | void,
  ): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await call();
      if (result.ok) {
        setDone(onSuccess?.(result.data) ?? null);
        router.refresh();
        return true;
      }
      if (result.error === "REJECTED") setError(message(result.reason));
      else if (result.error === "INVALID") setError(message(Object.values(result.fieldErrors)[0]?.[0] ?? "INVALID"));
      else setError(message(result.error));
      return false;
    } catch {
      setError(message("UNEXPECTED"));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, error, done, t };
}

/** The message line of a small form: an alert for errors, a polite status for success. */
export function StatusLine({ error, done }: { error: string | null; done: string | null }) {
  if (error)
    return (
      <p role="alert" className="field__error">
        {error}
      </p>
    );
  return (
    <p role="status" aria-live="polite">
      {done}
    </p>
  );
}
