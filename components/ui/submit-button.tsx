import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** A form's submit button in its actions row; while busy it is disabled and says `busyLabel`. */
export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel: string; children: ReactNode }) {
  return (
    <div className="actions">
      <Button type="submit" busy={busy} busyLabel={busyLabel}>
        {children}
      </Button>
    </div>
  );
}
