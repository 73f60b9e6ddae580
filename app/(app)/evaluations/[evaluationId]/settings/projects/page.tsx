import type { Metadata } from "next";
import { ProjectList } from "@/components/setup/project-list";
import { openSetup, SetupPage, setupMetadata } from "@/components/setup/setup-page";
import { listProjectsForSetup } from "@/lib/projects/data";

type Props = { params: Promise<{ evaluationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return setupMetadata((await params).evaluationId, "projects");
}

export default async function ProjectSettingsPage({ params }: Props) {
  const { evaluationId } = await params;
  const setup = await openSetup(evaluationId, "projects");
  const projects = await listProjectsForSetup(evaluationId);
  return (
    <SetupPage setup={setup} section="projects">
      <ProjectList evaluationId={evaluationId} projects={projects.map(({ retiredAt, ...project }) => ({ ...project, retired: retiredAt !== null }))} />
    </SetupPage>
  );
}
