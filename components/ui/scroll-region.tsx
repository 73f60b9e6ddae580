import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll, so the page itself reflows at 320 px (WCAG 1.4.10). The
 * region is named (by the table's caption or the section's heading) and focusable, so a keyboard
 * user can scroll it with the arrow keys. Give exactly one of the two names.
 */
export function ScrollRegion({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
