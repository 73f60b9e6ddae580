"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { DateField } from "@/components/ui/date-field";
import { Field, TextAreaField } from "@/components/ui/field";
import { createProject, updateProject } from "@/lib/projects/actions";
import type { ProjectSetupRow } from "@/lib/projects/data";
import { PROJECT_LIMITS } from "@/lib/projects/types";
import { setupFailureMessages } from "./failure-messages";

export type ProjectRow = Omit<ProjectSetupRow, "retiredAt"> & { retired: boolean };

type Props = { evaluationId: string; project?: ProjectRow; onSaved: (acronym: string) => void; onCancel?: () => void };

const FIELDS = ["acronym", "name", "managingOffice", "fundingStreams", "startDate", "endDate", "notes"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function valuesOf(project?: ProjectRow): Values {
  return {
    acronym: project?.acronym ?? "",
    name: project?.name ?? "",
    managingOffice: project?.managingOffice ?? "",
    fundingStreams: project?.fundingStreams.join(", ") ?? "",
    startDate: project?.startDate ?? "",
    endDate: project?.endDate ?? "",
    notes: project?.notes ?? "",
  };
}

/** Adds a project to the portfolio, or edits one. */
export function ProjectForm({ evaluationId, project, onSaved, onCancel }: Props) {
  const t = useTranslations("setup");
  const prefix = project ? `project-${project.id}` : "project-new";
  const [values, setValues] = useState(() => valuesOf(project));
  const editing = project !== undefined;
  useEffect(() => {
    // An edit form opens where the person pressed "Edit": take them to its first field.
    if (editing) document.getElementById(`${prefix}-acronym`)?.focus();
  }, [editing, prefix]);
  const focus = FIELDS.map((field) => [field, `${prefix}-${field}`] as const);
  const create = useActionForm(createProject, {
    focus,
    failureMessages: setupFailureMessages,
    onSuccess: (_, input: { project: { acronym: string } }) => {
      setValues(valuesOf());
      onSaved(input.project.acronym.trim());
    },
  });
  const update = useActionForm(updateProject, {
    focus,
    failureMessages: setupFailureMessages,
    onSuccess: (_, input: { project: { acronym: string } }) => onSaved(input.project.acronym.trim()),
  });
  const form = project ? update : create;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (project)
      void update.submit({ evaluationId, projectId: project.id, expectedVersion: project.version, project: values });
    else void create.submit({ evaluationId, project: values });
  }

  const set = (field: keyof Values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const field = (name: keyof Values) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    onValueChange: set(name),
    error: form.fieldError(name),
  });
  const required = { required: true, requiredLabel: t("required") };
  return (
    <ActionForm
      form={form}
      messageId={`${prefix}-error`}
      onSubmit={handleSubmit}
      aria-labelledby={`${prefix}-title`}
      heading={
        <h3 id={`${prefix}-title`}>
          {project ? t("projects.editTitle", { acronym: project.acronym }) : t("projects.addTitle")}
        </h3>
      }
    >
      <Field {...field("acronym")} label={t("projects.acronym")} maxLength={PROJECT_LIMITS.acronym} {...required} />
      <Field {...field("name")} label={t("projects.name")} maxLength={PROJECT_LIMITS.name} {...required} />
      <Field
        {...field("managingOffice")}
        label={t("projects.managingOffice")}
        hint={t("projects.managingOfficeHint")}
        maxLength={PROJECT_LIMITS.office}
        {...required}
      />
      <Field
        {...field("fundingStreams")}
        label={t("projects.fundingStreams")}
        hint={t("projects.fundingStreamsHint")}
      />
      <DateField {...field("startDate")} label={t("projects.startDate")} />
      <DateField {...field("endDate")} label={t("projects.endDate")} />
      <TextAreaField {...field("notes")} label={t("projects.notes")} rows={3} maxLength={PROJECT_LIMITS.notes} />
      <SubmitButton
        busy={form.busy}
        busyLabel={t("projects.saving")}
        cancel={onCancel ? { label: t("cancel"), onClick: onCancel } : undefined}
      >
        {project ? t("projects.save") : t("projects.add")}
      </SubmitButton>
    </ActionForm>
  );
}
