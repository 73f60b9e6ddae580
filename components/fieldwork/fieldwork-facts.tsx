import type { ReactNode } from "react";

/** One row of a record's facts (a definition list item); nothing shown when there is no value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
