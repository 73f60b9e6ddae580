"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { StaticTable } from "@/components/ui/static-table";
import { deleteProject, restoreProject, retireProject } from "@/lib/projects/actions";
import { setupFailureMessages } from "./failure-messages";
import { ProjectForm, type ProjectRow } from "./project-form";

type Props = {
  evaluationId: string;
  projects: ProjectRow[];
  /** The import wizard on a project list, for those who may import one. */ importHref?: string;
};

/** The portfolio as a table; a project is edited in a form under the table, retired, restored or (unused) deleted. */
export function ProjectList({ evaluationId, projects, importHref }: Props) {
  const t = useTranslations("setup");
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const success = useRef("");
  const done = (message: string) => {
    setStatus(message);
    router.refresh();
  };
  const options = {
    clearOnStart: true,
    failureMessages: setupFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => done(success.current),
    onFailure: () => router.refresh(),
  };
  const retire = useActionForm(retireProject, options);
  const restore = useActionForm(restoreProject, options);
  const remove = useActionForm(deleteProject, options);
  const run = (action: typeof retire, input: Parameters<typeof retire.submit>[0], message: string) => {
    success.current = message;
    void action.submit(input);
  };
  const edited = projects.find((project) => project.id === editing);

  return (
    <section className="section" aria-labelledby="projects-list-title">
      <h2 id="projects-list-title">{t("projects.title")}</h2>
      {importHref ? (
        <p>
          <Link href={importHref}>{t("projects.importLink")}</Link> {t("projects.importHint")}
        </p>
      ) : null}
      <p role="status" className="muted">
        {status}
      </p>
      <ActionError message={retire.formError ?? restore.formError ?? remove.formError} />
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
                  {project.retired ? (
                    <Button
                      variant="secondary"
                      onClick={() => run(restore, version, t("projects.restoredStatus", { acronym }))}
                    >
                      {t("projects.restore", { acronym })}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() => run(retire, version, t("projects.retiredStatus", { acronym }))}
                    >
                      {t("projects.retire", { acronym })}
                    </Button>
                  )}
                  {project.inUse ? null : (
                    <ConfirmButton
                      label={t("projects.delete", { acronym })}
                      confirmLabel={t("projects.confirmDelete", { acronym })}
                      cancelLabel={t("cancel")}
                      busy={remove.busy}
                      onConfirm={() => run(remove, version, t("projects.deletedStatus", { acronym }))}
                    />
                  )}
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
            done(t("projects.updatedStatus", { acronym }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <ProjectForm
          evaluationId={evaluationId}
          onSaved={(acronym) => done(t("projects.createdStatus", { acronym }))}
        />
      )}
    </section>
  );
}
