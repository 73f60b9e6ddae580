"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { FormError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { startTwoFactorSetupAction } from "@/lib/auth/two-factor-actions";

/** Already on (finished in another tab) counts as done: the refreshed page shows it. */
async function startSetup(input: object): Promise<ActionResult<unknown>> {
  const result = await startTwoFactorSetupAction(input);
  return !result.ok && result.error === "REJECTED" && result.reason === "ALREADY_ENABLED"
    ? { ok: true, data: null }
    : result;
}

/** Asks the server for a new secret; the page then shows it (and its QR code) from the database. */
export function TwoFactorStartForm({ restart = false }: { restart?: boolean }) {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const { submit, busy, formError } = useActionForm(startSetup, {
    clearOnStart: true,
    failureMessages: (failure) => ({
      fields: {},
      form: `account.twoFactor.errors.${failure.error === "UNAUTHENTICATED" ? "signedOut" : "unexpected"}`,
    }),
    onSuccess: () => startRefresh(() => router.refresh()),
  });

  return (
    <div className="actions">
      <Button
        variant={restart ? "secondary" : "primary"}
        busy={busy || refreshing}
        busyLabel={t("starting")}
        onClick={() => submit({})}
      >
        {t(restart ? "restart" : "start")}
      </Button>
      <FormError message={formError} />
    </div>
  );
}
