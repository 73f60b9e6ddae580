import type { ReactNode } from "react";

/**
 * A titled page section: the region is named by its own heading, so the heading's id and the
 * section's `aria-labelledby` are one value and cannot drift apart.
 */
export function Section({
  id,
  title,
  level = 2,
  className = "section",
  description,
  anchor,
  children,
}: {
  /** The heading's id, which also labels the section. */
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  /** `null` leaves the section without a class. */
  className?: string | null;
  /** A muted line under the heading. */
  description?: ReactNode;
  /** The section's own id, for a link to it (`#errors`). */
  anchor?: string;
  children?: ReactNode;
}) {
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <section className={className ?? undefined} aria-labelledby={id} id={anchor}>
      <Heading id={id}>{title}</Heading>
      {description == null ? null : <p className="muted">{description}</p>}
      {children}
    </section>
  );
}
