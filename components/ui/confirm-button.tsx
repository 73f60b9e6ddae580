"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A button for what cannot be undone: the first press asks, in words, what will happen; only the
 * second button does it. Focus moves to that question, so keyboard and screen-reader users hear it.
 */
export function ConfirmButton({ label, confirmLabel, cancelLabel, busy, onConfirm }: { label: ReactNode; confirmLabel: string; cancelLabel: string; busy?: boolean; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="row-actions">
      <Button
        variant="primary"
        busy={busy}
        // The question appears where the button was: focus goes to it, as a dialog's would.
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="secondary" onClick={() => setAsking(false)}>
        {cancelLabel}
      </Button>
    </span>
  );
}
