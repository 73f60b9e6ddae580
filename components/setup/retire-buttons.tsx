"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Change = "retire" | "restore" | "delete";

/** The key of the sentence said once each change is saved. */
export const STATUS = { retire: "retiredStatus", restore: "restoredStatus", delete: "deletedStatus" } as const;

/**
 * A set-up record's row buttons: retire it (or restore it once retired), and delete it while no
 * story or record names it, asked twice since it cannot be undone. `words` names each button with
 * the record's own name (its key in the record's messages: retire, restore, delete, confirmDelete).
 */
export function RetireButtons({
  retired,
  inUse,
  words,
  busy,
  onChange,
}: {
  retired: boolean;
  inUse: boolean;
  words: (key: Change | "confirmDelete") => string;
  busy: Record<Change, boolean>;
  onChange: (change: Change) => void;
}) {
  const t = useTranslations("setup");
  const toggle = retired ? "restore" : "retire";
  return (
    <>
      <Button variant="secondary" busy={busy[toggle]} onClick={() => onChange(toggle)}>
        {words(toggle)}
      </Button>
      {inUse ? null : (
        <ConfirmButton
          label={words("delete")}
          confirmLabel={words("confirmDelete")}
          cancelLabel={t("cancel")}
          busy={busy.delete}
          onConfirm={() => onChange("delete")}
        />
      )}
    </>
  );
}
