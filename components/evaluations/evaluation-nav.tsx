"use client";

import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";

export type EvaluationNavItem = { segment: string | null; href: string; label: string };

/** The evaluation's sections; the current one is marked for screen readers too. */
export function EvaluationNav({ label, items }: { label: string; items: EvaluationNavItem[] }) {
  const current = useSelectedLayoutSegment();
  return (
    <nav className="evaluation-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.segment === current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
