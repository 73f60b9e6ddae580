/**
 * What the four setup pages share: the title in the browser tab, the access check (404 for anyone
 * who may not change the setup), the header and the section links.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadEvaluationSetup, type EvaluationSetup } from "@/lib/evaluations/setup-loaders";
import { SetupSections } from "./setup-sections";
import { evaluationPath } from "@/lib/evaluations/paths";

export type SetupSection = "details" | "domains" | "projects" | "places" | "plan" | "lists";

const PATHS: Record<SetupSection, string> = {
  details: "",
  domains: "/domains",
  projects: "/projects",
  places: "/places",
  plan: "/plan",
  lists: "/lists",
};

export async function setupMetadata(evaluationId: string, section: SetupSection): Promise<Metadata> {
  const [setup, t] = await Promise.all([loadEvaluationSetup(evaluationId), getTranslations()]);
  if (!setup) return { title: t("notFound.metaTitle") };
  return {
    title:
      section === "details"
        ? t("setup.metaTitle", { name: setup.name })
        : `${t(`setup.${section}.title`)}: ${setup.name}`,
  };
}

/** The signed-in person's view of the evaluation's setup, or a 404 page. */
export async function openSetup(evaluationId: string, section: SetupSection): Promise<EvaluationSetup> {
  await requireUser(`${evaluationPath(evaluationId, "settings")}${PATHS[section]}`);
  const setup = await loadEvaluationSetup(evaluationId);
  if (!setup) notFound();
  return setup;
}

export async function SetupPage({
  setup,
  section,
  children,
}: {
  setup: EvaluationSetup;
  section: SetupSection;
  children: ReactNode;
}) {
  const t = await getTranslations("setup");
  const title = section === "details" ? t("title", { name: setup.name }) : `${setup.name}: ${t(`${section}.title`)}`;
  const description = section === "details" ? t("intro") : t(`${section}.intro`);
  return (
    <>
      <PageHeader
        before={<Link href={evaluationPath(setup.id)}>{t("backToOverview")}</Link>}
        title={title}
        description={description}
      />
      <SetupSections evaluationId={setup.id} current={section} />
      {children}
    </>
  );
}
