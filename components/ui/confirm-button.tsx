"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "./button";

type Props = {
  label: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** What will happen, said before the second press (it describes the confirming button). */
  consequence?: ReactNode;
  busy?: boolean;
  busyLabel?: string;
  variant?: "primary" | "secondary";
  /** The confirming button submits its form (whose onSubmit runs the action) instead of calling `onConfirm`. */
  submit?: boolean;
  onConfirm?: () => void;
};

/**
 * A button for what cannot be undone: the first press asks, in words, what will happen; only the
 * second button does it. Focus moves to that question, so keyboard and screen-reader users hear it.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  cancelLabel,
  consequence,
  busy,
  busyLabel,
  variant = "secondary",
  submit,
  onConfirm,
}: Props) {
  const [asking, setAsking] = useState(false);
  const consequenceId = useId();
  if (!asking) {
    return (
      <Button variant={variant} busy={busy} busyLabel={busyLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm">
      {consequence ? (
        <span className="confirm__consequence" id={consequenceId}>
          {consequence}
        </span>
      ) : null}
      <span className="row-actions">
        <Button
          variant="primary"
          type={submit ? "submit" : "button"}
          busy={busy}
          busyLabel={busyLabel}
          aria-describedby={consequence ? consequenceId : undefined}
          // The question appears where the button was: focus goes to it, as a dialog's would.
          autoFocus
          onClick={() => {
            // A submitting button lets the form run first; the question closes afterwards.
            if (submit) setTimeout(() => setAsking(false));
            else {
              setAsking(false);
              onConfirm?.();
            }
          }}
        >
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {cancelLabel}
        </Button>
      </span>
    </span>
  );
}
