"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ListSection } from "@/components/ui/list-section";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { StaticTable } from "@/components/ui/static-table";
import { addListItem, removeListItem, renameListItem } from "@/lib/setup-lists/actions";
import type { ListItem } from "@/lib/setup-lists/data";
import { LABEL_MAX, type ListKind } from "@/lib/setup-lists/types";
import { setupFailureMessages } from "./failure-messages";
import { useSavedStatus } from "./use-saved-status";

/** One labelled list (sectors, priorities or at-risk groups): a table, a rename form under it, and an add form. */
export function ListEditor({ evaluationId, kind, items }: { evaluationId: string; kind: ListKind; items: ListItem[] }) {
  const t = useTranslations("setup");
  const locale = useLocale();
  const router = useRouter();
  const prefix = `list-${kind.toLowerCase()}`;
  const [editing, setEditing] = useState<ListItem | null>(null);
  const [names, setNames] = useState({ nameEs: "", nameEn: "" });
  const nameOf = (item: { nameEs: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameEs);
  const saved = useSavedStatus(() => {
    setEditing(null);
    setNames({ nameEs: "", nameEn: "" });
  });
  const focus = [
    ["nameEs", `${prefix}-nameEs`],
    ["nameEn", `${prefix}-nameEn`],
  ] as const;
  const options = { focus, failureMessages: setupFailureMessages, onStart: saved.clear, onSuccess: saved.done };
  const add = useActionForm(addListItem, { ...options });
  const rename = useActionForm(renameListItem, { ...options, onFailure: () => router.refresh() });
  const remove = useActionForm(removeListItem, saved.rowAction);
  const form = editing ? rename : add;

  function startRename(item: ListItem) {
    setEditing(item);
    setNames({ nameEs: item.nameEs, nameEn: item.nameEn });
    // The form is under the table: take the person to its first field.
    requestAnimationFrame(() => document.getElementById(`${prefix}-nameEs`)?.focus());
  }

  const handleSubmit = editing
    ? rename.handleSubmit(() => {
        saved.announce(t("lists.renamedStatus", { name: nameOf(names) }));
        return {
          evaluationId,
          kind,
          itemId: editing.id,
          seen: { nameEs: editing.nameEs, nameEn: editing.nameEn },
          ...names,
        };
      })
    : add.handleSubmit(() => {
        saved.announce(t("lists.addedStatus", { name: nameOf(names) }));
        return { evaluationId, kind, ...names };
      });

  return (
    <ListSection
      titleId={`${prefix}-title`}
      title={t(`lists.${kind}.title`)}
      status={saved.status}
      error={remove.formError}
    >
      <StaticTable
        captionId={`${prefix}-caption`}
        caption={t(`lists.${kind}.caption`, { count: items.length })}
        columns={[t("lists.nameEs"), t("lists.nameEn"), t("lists.actions")]}
      >
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row" lang="es">
              {item.nameEs}
            </th>
            <td lang="en">{item.nameEn}</td>
            <td>
              <div className="row-actions">
                <Button variant="secondary" onClick={() => startRename(item)}>
                  {t("lists.rename", { name: nameOf(item) })}
                </Button>
                {item.inUse ? (
                  <span className="tag">{t("lists.inUse")}</span>
                ) : (
                  <ConfirmButton
                    label={t("lists.remove", { name: nameOf(item) })}
                    confirmLabel={t("lists.confirmRemove", { name: nameOf(item) })}
                    cancelLabel={t("cancel")}
                    busy={remove.busy}
                    onConfirm={() =>
                      saved.run(
                        remove,
                        { evaluationId, kind, itemId: item.id },
                        t("lists.removedStatus", { name: nameOf(item) }),
                      )
                    }
                  />
                )}
              </div>
            </td>
          </tr>
        ))}
      </StaticTable>
      <ActionForm
        form={form}
        messageId={`${prefix}-error`}
        onSubmit={handleSubmit}
        aria-labelledby={`${prefix}-form-title`}
        heading={
          <h3 id={`${prefix}-form-title`}>
            {editing ? t("lists.renameTitle", { name: nameOf(editing) }) : t(`lists.${kind}.addTitle`)}
          </h3>
        }
      >
        <Field
          id={`${prefix}-nameEs`}
          label={t("lists.nameEs")}
          lang="es"
          value={names.nameEs}
          onValueChange={(nameEs) => setNames((current) => ({ ...current, nameEs }))}
          maxLength={LABEL_MAX}
          error={form.fieldError("nameEs")}
          required
          requiredLabel={t("required")}
        />
        <Field
          id={`${prefix}-nameEn`}
          label={t("lists.nameEn")}
          lang="en"
          value={names.nameEn}
          onValueChange={(nameEn) => setNames((current) => ({ ...current, nameEn }))}
          maxLength={LABEL_MAX}
          error={form.fieldError("nameEn")}
          required
          requiredLabel={t("required")}
        />
        <SubmitButton
          busy={form.busy}
          busyLabel={t("lists.saving")}
          cancel={
            editing
              ? { label: t("cancel"), onClick: () => (setEditing(null), setNames({ nameEs: "", nameEn: "" })) }
              : undefined
          }
        >
          {editing ? t("lists.save") : t("lists.add")}
        </SubmitButton>
      </ActionForm>
    </ListSection>
  );
}
