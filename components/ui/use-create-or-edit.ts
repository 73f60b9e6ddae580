"use client";

import { useEffect } from "react";
import type { ActionResult } from "@/lib/actions";
import { useActionForm, type ActionFailure, type FailureMessages, type FieldOrder } from "./use-action-form";

/**
 * One form that adds a record or edits one (a domain, a project, a learning): two actions behind
 * the same fields, the same order of focus after a failure and the same refusal table. `form` is
 * the one the form shows; `create` and `update` send. An edit form opens in place of the record
 * the person pressed "Edit" on, so it takes them to `focusOnEdit`, its first field.
 */
export function useCreateOrEdit<CI, CR, UI, UR>(
  editing: boolean,
  actions: { create: (input: CI) => Promise<ActionResult<CR>>; update: (input: UI) => Promise<ActionResult<UR>> },
  options: {
    focus: FieldOrder;
    failureMessages: (failure: ActionFailure) => FailureMessages;
    focusOnEdit?: string;
    onCreated?(data: CR, input: NoInfer<CI>): void;
    onUpdated?(data: UR, input: NoInfer<UI>): void;
  },
) {
  const { focus, failureMessages, focusOnEdit } = options;
  useEffect(() => {
    if (editing && focusOnEdit) document.getElementById(focusOnEdit)?.focus();
  }, [editing, focusOnEdit]);
  const create = useActionForm(actions.create, { focus, failureMessages, onSuccess: options.onCreated });
  const update = useActionForm(actions.update, { focus, failureMessages, onSuccess: options.onUpdated });
  return { create, update, form: editing ? update : create };
}
