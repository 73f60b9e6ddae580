"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { EmailField } from "@/components/ui/email-field";
import { LinkFormSection, useLinkForm } from "@/components/forms/link-form";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { inviteMember } from "@/lib/invitations/actions";
import { useRoleOptions } from "./role-options";

const FIELD_ORDER = [
  ["email", "invite-email"],
  ["roles", "invite-roles"],
] as const;

export function InviteMemberForm({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("members.invite");
  const roleOptions = useRoleOptions();
  const [roles, setRoles] = useState<string[]>([]);
  const form = useLinkForm(inviteMember, { focus: FIELD_ORDER, onSent: () => setRoles([]) });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void form.submit({ evaluationId, email: String(new FormData(event.currentTarget).get("email") ?? ""), roles });
  }

  return (
    <LinkFormSection id="invite" messages="members.invite" form={form} onSubmit={handleSubmit}>
      <EmailField
        id="invite-email"
        name="email"
        label={t("email")}
        autoComplete="off"
        error={form.fieldError("email")}
      />
      <CheckboxGroup
        id="invite-roles"
        name="roles"
        legend={t("roles")}
        options={roleOptions}
        selected={roles}
        onChange={setRoles}
        error={form.fieldError("roles")}
      />
    </LinkFormSection>
  );
}
