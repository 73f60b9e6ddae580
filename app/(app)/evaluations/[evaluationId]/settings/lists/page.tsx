import type { Metadata } from "next";
import { ListEditor } from "@/components/setup/list-editor";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { notFound } from "next/navigation";
import { loadSetupLists } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "lists");
}

export default async function ListSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "lists");
  const lists = (await loadSetupLists(evaluationId)) ?? notFound();
  return (
    <SetupPage setup={setup} section="lists">
      <ListEditor evaluationId={evaluationId} kind="SECTOR" items={lists.SECTOR} />
      <ListEditor evaluationId={evaluationId} kind="PRIORITY" items={lists.PRIORITY} />
      <ListEditor evaluationId={evaluationId} kind="AT_RISK_GROUP" items={lists.AT_RISK_GROUP} />
    </SetupPage>
  );
}
