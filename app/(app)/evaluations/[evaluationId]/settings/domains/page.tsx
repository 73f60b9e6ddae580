import type { Metadata } from "next";
import { DomainList } from "@/components/setup/domain-list";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { notFound } from "next/navigation";
import { loadSetupDomains } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "domains");
}

export default async function DomainSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "domains");
  const domains = (await loadSetupDomains(evaluationId)) ?? notFound();
  return (
    <SetupPage setup={setup} section="domains">
      <DomainList
        evaluationId={evaluationId}
        languages={setup.languages}
        domains={domains.map(({ retiredAt, ...domain }) => ({ ...domain, retired: retiredAt !== null }))}
      />
    </SetupPage>
  );
}
