"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { startTwoFactorSetupAction } from "@/lib/auth/two-factor-actions";

/** Asks the server for a new secret; the page then shows it (and its QR code) from the database. */
export function TwoFactorStartForm({ restart = false }: { restart?: boolean }) {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function start() {
    if (busy || refreshing) return;
    setBusy(true);
    setError(null);
    try {
      const result = await startTwoFactorSetupAction({});
      if (result.ok || (result.error === "REJECTED" && result.reason === "ALREADY_ENABLED")) {
        startRefresh(() => router.refresh());
      } else {
        setError(t(result.error === "UNAUTHENTICATED" ? "errors.signedOut" : "errors.unexpected"));
      }
    } catch {
      setError(t("errors.unexpected"));
    }
    setBusy(false);
  }

  return (
    <div className="actions">
      <Button variant={restart ? "secondary" : "primary"} busy={busy || refreshing} busyLabel={t("starting")} onClick={start}>
        {t(restart ? "restart" : "start")}
      </Button>
      <p className="form-error" role="alert">
        {error}
      </p>
    </div>
  );
}
