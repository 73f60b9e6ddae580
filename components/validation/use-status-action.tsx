"use client";
/**
 * The small validation and review forms and buttons: the form kit's one submit path
 * (components/ui/use-action-form.ts) with the form's refusal table, plus a success message that
 * says what happened. The page reloads behind it, unless the form goes elsewhere (`after`).
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure, FailureMessages } from "@/components/ui/use-action-form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/actions";

export function useStatusAction<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: {
    failureMessages: (failure: ActionFailure) => FailureMessages;
    /** The message after success, from what the server answered. */
    done?: (data: R) => string | null;
    /** Instead of reloading the page (e.g. to go to the round just created). */
    after?: (data: R) => void;
  },
) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useActionForm(action, {
    failureMessages: options.failureMessages,
    clearOnStart: true,
    onStart: () => setDone(null),
    busyAfterSuccess: Boolean(options.after),
    onSuccess(data) {
      setDone(options.done?.(data) ?? null);
      if (options.after) options.after(data);
      else router.refresh();
    },
  });
  return { ...form, done };
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
