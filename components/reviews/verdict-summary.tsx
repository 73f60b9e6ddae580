import { getTranslations } from "next-intl/server";
import type { ValidationVerdict } from "@/lib/generated/prisma/enums";
import { VALIDATION_VERDICTS } from "@/lib/validation/types";

/** Counts by verdict, e.g. "Confirms 7 · Disputes 1". */
export async function VerdictSummary({ verdicts }: { verdicts: Partial<Record<ValidationVerdict, number>> }) {
  const t = await getTranslations("respondentValidation.verdict");
  const parts = VALIDATION_VERDICTS.filter((verdict) => verdicts[verdict]).map(
    (verdict) => `${t(verdict)} ${verdicts[verdict]}`,
  );
  return <>{parts.length > 0 ? parts.join(" · ") : "—"}</>;
}
