/** The current address with some parameters replaced (null removes one; an array repeats it). */
export function hrefWith(
  pathname: string,
  current: { toString(): string },
  changes: Record<string, string | readonly string[] | null>,
): string {
  const params = new URLSearchParams(current.toString());
  for (const [key, value] of Object.entries(changes)) {
    params.delete(key);
    if (value === null) continue;
    for (const item of typeof value === "string" ? [value] : value) params.append(key, item);
  }
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
