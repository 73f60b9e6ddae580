import Link from "next/link";

/** An outcome in the funder's review lists: its code and title (in translation when there is one), linking to its review page. */
export function OutcomeLink({
  base,
  outcome,
}: {
  base: string;
  outcome: { id: string; code: string; title: string; titleTranslation: string | null };
}) {
  return (
    <Link href={`${base}/${encodeURIComponent(outcome.id)}`}>
      {outcome.code} · {outcome.titleTranslation ?? outcome.title}
    </Link>
  );
}
