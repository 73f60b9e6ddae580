/** Column choice from the URL; no dependencies, so the table's client code can use it too. */
export type ColumnChoiceSpec = {
  columns: readonly string[];
  defaultColumns: readonly string[];
  requiredColumns: readonly string[];
};

/**
 * The columns to show, in display order: those the URL chose (`cols`, repeated) plus the required
 * ones; the defaults when it chose none. Unknown names are ignored.
 */
export function parseColumns(value: string | readonly string[] | undefined | null, spec: ColumnChoiceSpec): string[] {
  const asked = typeof value === "string" ? [value] : (value ?? []);
  const chosen = new Set(asked.filter((name) => spec.columns.includes(name)));
  if (chosen.size === 0) return spec.columns.filter((name) => spec.defaultColumns.includes(name));
  for (const name of spec.requiredColumns) chosen.add(name);
  return spec.columns.filter((name) => chosen.has(name));
}
