/** A respondent count as the loader let the reader see it: the number, or "< 5" (read out in words). */
import { UNDER_5, type Figure } from "@/lib/dashboard/policy";

export function FigureText({
  value,
  format,
  underFiveLabel,
}: {
  value: Figure;
  format: (n: number) => string;
  underFiveLabel: string;
}) {
  if (value === UNDER_5) {
    return (
      <>
        <span aria-hidden="true">&lt; 5</span>
        <span className="visually-hidden">{underFiveLabel}</span>
      </>
    );
  }
  return <>{format(value)}</>;
}
