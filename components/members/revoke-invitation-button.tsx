"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { failureKey, useMessage } from "@/components/admin/form-kit";
import { Button } from "@/components/ui/button";
import { revokeInvitation } from "@/lib/invitations/actions";

export function RevokeInvitationButton({ evaluationId, invitationId, email }: { evaluationId: string; invitationId: string; email: string }) {
  const t = useTranslations("members.pending");
  const message = useMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await revokeInvitation({ evaluationId, invitationId });
      if (result.ok) router.refresh();
      else setError(message(failureKey(result)));
    } catch {
      setError(message("admin.errors.UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" busy={busy} busyLabel={t("revoking")} onClick={revoke}>
        {t("revoke", { email })}
      </Button>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}
