/**
 * Filters of the audit page and its CSV export, read from the URL. Unknown keys and operator-like
 * values (`{"contains":""}`) never reach the query: each filter is a plain, bounded string.
 */
import { z } from "zod";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.dateInvalid")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFiltersSchema = z
  .object({
    actor: text(64),
    recordType: text(64),
    recordId: text(64),
    /** A prefix: "story." matches every story action. */
    action: text(64),
    from: isoDate,
    to: isoDate,
    /** Keyset cursor: the sequence number to continue below. */
    before: z
      .string()
      .regex(/^\d{1,19}$/)
      .optional(),
  })
  .strip();

export type AuditFilters = Partial<z.infer<typeof auditFiltersSchema>>;

/** URL search params (each possibly repeated) to filters; invalid values are dropped, not guessed. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const single = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = auditFiltersSchema.safeParse(single);
  if (parsed.success) return parsed.data;
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(single)) {
    const one = auditFiltersSchema.safeParse({ [key]: value });
    if (one.success && key in one.data) valid[key] = (one.data as Record<string, unknown>)[key];
  }
  return auditFiltersSchema.parse(valid);
}
