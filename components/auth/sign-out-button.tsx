"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const t = useTranslations("header");
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      busy={busy}
      busyLabel={t("signingOut")}
      onClick={() => {
        setBusy(true);
        // The sign-out event revokes the session row on the server (lib/auth/options.ts).
        // next-auth's client (12 kB gzipped) loads on the press, not with every signed-in page.
        void import("next-auth/react")
          .then(({ signOut }) => signOut({ callbackUrl: "/sign-in" }))
          .catch(() => setBusy(false));
      }}
    >
      {t("signOut")}
    </Button>
  );
}
