"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ListSection } from "@/components/ui/list-section";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { StaticTable } from "@/components/ui/static-table";
import { deleteProject, restoreProject, retireProject } from "@/lib/projects/actions";
import { ProjectForm, type ProjectRow } from "./project-form";
import { RetireButtons, STATUS } from "./retire-buttons";
import { useSavedStatus } from "./use-saved-status";

type Props = {
  evaluationId: string;
  projects: ProjectRow[];
  /** The import wizard on a project list, for those who may import one. */ importHref?: string;
};

/** The portfolio as a table; a project is edited in a form under the table, retired, restored or (unused) deleted. */
export function ProjectList({ evaluationId, projects, importHref }: Props) {
  const t = useTranslations("setup");
  const [editing, setEditing] = useState<string | null>(null);
  const saved = useSavedStatus();
  const retire = useActionForm(retireProject, saved.rowAction);
  const restore = useActionForm(restoreProject, saved.rowAction);
  const remove = useActionForm(deleteProject, saved.rowAction);
  const run = saved.run;
  const changes = { retire, restore, delete: remove };
  const edited = projects.find((project) => project.id === editing);

  return (
    <ListSection
      titleId="projects-list-title"
      title={t("projects.title")}
      intro={
        importHref ? (
          <p>
            <Link href={importHref}>{t("projects.importLink")}</Link> {t("projects.importHint")}
          </p>
        ) : null
      }
      status={saved.status}
      error={retire.formError ?? restore.formError ?? remove.formError}
    >
      <StaticTable
        captionId="projects-caption"
        caption={t("projects.caption", { count: projects.length })}
        columns={[
          t("projects.acronym"),
          t("projects.name"),
          t("projects.managingOffice"),
          t("projects.fundingStreams"),
          t("projects.dates"),
          t("projects.status"),
          t("projects.actions"),
        ]}
      >
        {projects.map((project) => {
          const { acronym } = project;
          const version = { evaluationId, projectId: project.id, expectedVersion: project.version };
          return (
            <tr key={project.id}>
              <th scope="row">{acronym}</th>
              <td>{project.name}</td>
              <td>{project.managingOffice}</td>
              <td>{project.fundingStreams.join(", ")}</td>
              <td>{[project.startDate, project.endDate].filter(Boolean).join(" – ")}</td>
              <td>{project.retired ? t("projects.retired") : t("projects.active")}</td>
              <td>
                <div className="row-actions">
                  <Button variant="secondary" onClick={() => setEditing(project.id)}>
                    {t("projects.edit", { acronym })}
                  </Button>
                  <RetireButtons
                    retired={project.retired}
                    inUse={project.inUse}
                    words={(key) => t(`projects.${key}`, { acronym })}
                    busy={{ retire: retire.busy, restore: restore.busy, delete: remove.busy }}
                    onChange={(change) => run(changes[change], version, t(`projects.${STATUS[change]}`, { acronym }))}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </StaticTable>
      {edited ? (
        <ProjectForm
          key={`${edited.id}-${edited.version}`}
          evaluationId={evaluationId}
          project={edited}
          onSaved={(acronym) => {
            setEditing(null);
            saved.say(t("projects.updatedStatus", { acronym }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ProjectForm
          evaluationId={evaluationId}
          onSaved={(acronym) => saved.say(t("projects.createdStatus", { acronym }))}
        />
      )}
    </ListSection>
  );
}
