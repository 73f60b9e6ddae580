"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmailField } from "@/components/ui/email-field";
import { LinkFormSection, useLinkForm } from "@/components/forms/link-form";
import { CheckboxGroup } from "@/components/ui/choice-fields";
import { formText } from "@/components/ui/form-data";
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

  return (
    <LinkFormSection
      id="invite"
      messages="members.invite"
      form={form}
      onSubmit={form.handleSubmit((data) => ({ evaluationId, email: formText(data, "email"), roles }))}
    >
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
