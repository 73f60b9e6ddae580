"use client";

/**
 * The filters above a table: a GET form, so it works without JavaScript (the browser puts the
 * fields in the URL). With JavaScript, it navigates in place and keeps the URL short: empty fields
 * and values equal to the defaults are left out, and a header button's `sortBy` becomes `sort`.
 */
import { useRouter } from "next/navigation";
import { useEffect, useTransition, type FormEvent, type ReactNode } from "react";

/**
 * The page re-creates the form (keyed by the URL) so that its fields show the new URL's values;
 * the control that submitted it gets the focus back in the new form.
 */
let focusAfterNavigation: string | null = null;

type FilterFormProps = {
  id: string;
  action: string;
  label: string;
  /** Values that need not appear in the URL, e.g. `{ size: ["25"], cols: ["code", "title"] }`. */
  defaults?: Record<string, string[]>;
  className?: string;
  children: ReactNode;
};

export function cleanQuery(
  entries: Iterable<[string, string]>,
  defaults: Record<string, string[]> = {},
): URLSearchParams {
  const values = new Map<string, string[]>();
  for (const [key, value] of entries) {
    if (value.trim() === "" || key === "page") continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const sortBy = values.get("sortBy");
  if (sortBy) {
    values.set("sort", [sortBy.at(-1)!]);
    values.delete("sortBy");
  }
  const params = new URLSearchParams();
  for (const [key, list] of values) {
    const fallback = defaults[key];
    if (fallback && fallback.length === list.length && fallback.every((value, index) => value === list[index]))
      continue;
    for (const value of list) params.append(key, value);
  }
  return params;
}

export function FilterForm({ id, action, label, defaults, className, children }: FilterFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (!focusAfterNavigation) return;
    document.getElementById(focusAfterNavigation)?.focus();
    focusAfterNavigation = null;
  }, []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    focusAfterNavigation = (document.activeElement as HTMLElement | null)?.id || submitter?.id || null;
    const data = new FormData(event.currentTarget, submitter);
    const entries = [...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
    const query = cleanQuery(entries, defaults).toString();
    startTransition(() => router.push(query ? `${action}?${query}` : action, { scroll: false }));
  };
  return (
    <form
      id={id}
      method="get"
      action={action}
      aria-label={label}
      className={className ?? "filters"}
      onSubmit={onSubmit}
      aria-busy={pending || undefined}
    >
      {children}
    </form>
  );
}
