"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { RecordForm } from "@/components/ui/action-form";
import { useCreateOrEdit } from "@/components/ui/use-create-or-edit";
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
  const { create, update, form } = useCreateOrEdit(
    project !== undefined,
    { create: createProject, update: updateProject },
    {
      focus: FIELDS.map((field) => [field, `${prefix}-${field}`] as const),
      failureMessages: setupFailureMessages,
      focusOnEdit: `${prefix}-acronym`,
      onCreated: (_, input: { project: { acronym: string } }) => {
        setValues(valuesOf());
        onSaved(input.project.acronym.trim());
      },
      onUpdated: (_, input: { project: { acronym: string } }) => onSaved(input.project.acronym.trim()),
    },
  );
  const handleSubmit = project
    ? update.handleSubmit(() => ({
        evaluationId,
        projectId: project.id,
        expectedVersion: project.version,
        project: values,
      }))
    : create.handleSubmit(() => ({ evaluationId, project: values }));

  const set = (field: keyof Values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const field = (name: keyof Values) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    onValueChange: set(name),
    error: form.fieldError(name),
  });
  const required = { required: true, requiredLabel: t("required") };
  return (
    <RecordForm
      id={prefix}
      title={project ? t("projects.editTitle", { acronym: project.acronym }) : t("projects.addTitle")}
      form={form}
      onSubmit={handleSubmit}
      submitLabel={project ? t("projects.save") : t("projects.add")}
      busyLabel={t("projects.saving")}
      cancel={onCancel ? { label: t("cancel"), onClick: onCancel } : undefined}
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
    </RecordForm>
  );
}
