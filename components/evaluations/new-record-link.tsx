import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { EvaluationReader } from "@/lib/evaluations/data";
import type { Permission } from "@/lib/permissions";
import { listReaderRoles } from "@/lib/tables/access";

type NewRecordLinkProps = {
  evaluationId: string;
  reader: EvaluationReader;
  /** Shown only to those who may create the record; the form's action checks again. */
  permission: Permission;
  href: string;
  /** A message key, e.g. "fieldwork.interviews.newTitle". */
  labelKey: string;
};

/** The "New …" link above a list. */
export async function NewRecordLink({ evaluationId, reader, permission, href, labelKey }: NewRecordLinkProps) {
  const [roles, t] = await Promise.all([listReaderRoles(evaluationId, permission, reader), getTranslations()]);
  if (!roles) return null;
  return (
    <p>
      <Link href={href} className="button button--primary">
        {t(labelKey as never)}
      </Link>
    </p>
  );
}
