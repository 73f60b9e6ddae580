"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { revokeInvitation } from "@/lib/invitations/actions";

export function RevokeInvitationButton({
  evaluationId,
  invitationId,
  email,
}: {
  evaluationId: string;
  invitationId: string;
  email: string;
}) {
  const t = useTranslations("members.pending");
  const router = useRouter();
  const { submit, busy, formError } = useActionForm(revokeInvitation, {
    clearOnStart: true,
    onSuccess: () => router.refresh(),
  });

  return (
    <>
      <Button
        variant="secondary"
        busy={busy}
        busyLabel={t("revoking")}
        onClick={() => submit({ evaluationId, invitationId })}
      >
        {t("revoke", { email })}
      </Button>
      <ActionError message={formError} />
    </>
  );
}
