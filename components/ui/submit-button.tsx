import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The way back: a link on a page of its own, a button where the form opened in place. */
type Cancel = { label: string } & ({ href: string } | { onClick: () => void });

/**
 * A form's submit button in its actions row; while busy it is disabled and says `busyLabel`. A way
 * back (`cancel`) stands beside it.
 */
export function SubmitButton({
  busy,
  busyLabel,
  cancel,
  children,
}: {
  busy: boolean;
  busyLabel: string;
  cancel?: Cancel;
  children: ReactNode;
}) {
  return (
    <div className="actions">
      <Button type="submit" busy={busy} busyLabel={busyLabel}>
        {children}
      </Button>
      {cancel && "href" in cancel ? <Link href={cancel.href}>{cancel.label}</Link> : null}
      {cancel && "onClick" in cancel ? (
        <Button variant="secondary" onClick={cancel.onClick}>
          {cancel.label}
        </Button>
      ) : null}
    </div>
  );
}
