import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { StaticTable } from "@/components/ui/static-table";
import { requireUser } from "@/lib/auth/session";
import { loadAuditChainCheck } from "@/lib/audit-trail/loaders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auditChains.title") };
}

type Props = { searchParams: Promise<{ run?: string }> };

/** Re-computes every audit hash chain on request and points at the first broken link. */
export default async function AuditChainsPage({ searchParams }: Props) {
  const user = await requireUser("/admin/audit-chains");
  const run = (await searchParams).run === "1";
  const results = await loadAuditChainCheck(user, run);
  if (!results) notFound();
  const t = await getTranslations();

  return (
    <>
      <PageHeader title={t("auditChains.title")} description={t("auditChains.description")} />
      <form method="get">
        <input type="hidden" name="run" value="1" />
        <button type="submit" className="button button--primary">
          {t("auditChains.run")}
        </button>
      </form>
      {run ? (
        <StaticTable
          captionId="chains-caption"
          caption={t("auditChains.caption")}
          columns={[t("auditChains.chain"), t("auditChains.events"), t("auditChains.result")]}
        >
          {results.length === 0 ? (
            <tr>
              <td colSpan={3}>{t("auditChains.none")}</td>
            </tr>
          ) : (
            results.map(({ evaluationId, name, verdict }) => (
              <tr key={evaluationId ?? "installation"}>
                <td>{evaluationId ? (name ?? evaluationId) : t("auditChains.installation")}</td>
                <td>{verdict.events}</td>
                <td>
                  {verdict.ok ? (
                    <strong>{t("auditChains.intact")}</strong>
                  ) : (
                    <strong className="text-error">
                      {t("auditChains.broken", {
                        sequence: verdict.firstBrokenSequence.toString(),
                        reason: t(`auditChains.reasons.${verdict.reason}`),
                        event: verdict.eventId ?? "—",
                      })}
                    </strong>
                  )}
                </td>
              </tr>
            ))
          )}
        </StaticTable>
      ) : null}
    </>
  );
}
