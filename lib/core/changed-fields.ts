/**
 * The fields whose values differ, as { before, after } holding only those fields: what an audit
 * event records of an edit. A missing value reads as null, so "absent" and "null" do not differ.
 */
export function changedFields(before: object, after: object) {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(now)) {
    if (JSON.stringify(was[key] ?? null) !== JSON.stringify(now[key] ?? null)) {
      changedBefore[key] = was[key] ?? null;
      changedAfter[key] = now[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter, changed: Object.keys(changedAfter).length > 0 };
}
