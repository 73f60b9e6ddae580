import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A form's submit button in its actions row; while busy it is disabled and says `busyLabel`. A form
 * on a page of its own offers a way back beside it (`cancel`).
 */
export function SubmitButton({
  busy,
  busyLabel,
  cancel,
  children,
}: {
  busy: boolean;
  busyLabel: string;
  cancel?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <div className="actions">
      <Button type="submit" busy={busy} busyLabel={busyLabel}>
        {children}
      </Button>
      {cancel ? <Link href={cancel.href}>{cancel.label}</Link> : null}
    </div>
  );
}
