import type { ReactNode } from "react";
import { ActionError } from "./form-message";
import { Section } from "./section";

/**
 * A page section listing records that change in place (moved, retired, removed, edited): its
 * title, what the last change did (a polite status, always in the page so it is announced) and why
 * a change was refused. `empty` is shown instead of the list's first row when there is none.
 */
export function ListSection({
  titleId,
  title,
  intro,
  status,
  error,
  empty,
  children,
}: {
  titleId: string;
  title: string;
  /** Between the title and the status line: a hint, a link. */
  intro?: ReactNode;
  status: string | null;
  error: string | null;
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <Section id={titleId} title={title}>
      {intro}
      <p role="status" className="muted">
        {status}
      </p>
      <ActionError message={error} />
      {empty ? <p className="empty-state">{empty}</p> : null}
      {children}
    </Section>
  );
}
