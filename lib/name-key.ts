/**
 * The key two names are compared by: trimmed, inner spaces collapsed, lower-case, accents and
 * other combining marks removed ("Diálogo  Social" and "dialogo social" are the same name).
 * The setup migration fills existing rows with the same rule, written in SQL.
 */
export function nameKey(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").trim().replace(/\s+/g, " ").toLowerCase();
}
