import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectList } from "@/components/setup/project-list";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { getAuthorizedUser } from "@/lib/auth/session";
import { evaluationPath } from "@/lib/evaluations/paths";
import { mayImportInto } from "@/lib/imports/access";
import { loadSetupProjects } from "@/lib/evaluations/setup-loaders";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "projects");
}

export default async function ProjectSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "projects");
  const [projects, mayImport] = await Promise.all([
    loadSetupProjects(evaluationId),
    mayImportInto(evaluationId, await getAuthorizedUser(), "PROJECTS"),
  ]);
  if (!projects) notFound();
  // An administrator who is not a member sets up projects by the form: imports are for the team.
  const importHref = mayImport ? `${evaluationPath(evaluationId, "imports")}?kind=PROJECTS` : undefined;
  return (
    <SetupPage setup={setup} section="projects">
      <ProjectList
        evaluationId={evaluationId}
        importHref={importHref}
        projects={projects.map(({ retiredAt, ...project }) => ({ ...project, retired: retiredAt !== null }))}
      />
    </SetupPage>
  );
}
