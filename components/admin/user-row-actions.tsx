"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { disableUser, enableUser, issueAccountSetupLink } from "@/lib/users/actions";
import { failureKey, useMessage } from "./form-kit";
import { OneTimeLink } from "./one-time-link";

type Props = {
  userId: string;
  name: string;
  status: "ACTIVE" | "PENDING" | "DISABLED";
  /** The signed-in administrator's own row: no disable button (the server refuses anyway). */
  isSelf: boolean;
};

export function UserRowActions({ userId, name, status, isSelf }: Props) {
  const t = useTranslations("admin.users");
  const message = useMessage();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  async function run(kind: "disable" | "enable" | "link") {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (kind === "link") {
        const result = await issueAccountSetupLink({ userId });
        if (result.ok) setLink(result.data.link);
        else setError(message(failureKey(result)));
      } else {
        const result = kind === "disable" ? await disableUser({ userId }) : await enableUser({ userId });
        if (result.ok) {
          setNotice(t(kind === "disable" ? "disabledNotice" : "enabledNotice", { name }));
          router.refresh();
        } else {
          setError(message(failureKey(result)));
        }
      }
    } catch {
      setError(message("admin.errors.UNEXPECTED"));
    } finally {
      setBusy(false);
    }
  }

  const idBase = `user-${userId}`;
  return (
    <div className="row-actions">
      <div className="actions">
        {status === "DISABLED" ? (
          <Button variant="secondary" busy={busy} busyLabel={t("working")} onClick={() => run("enable")}>
            {t("enable", { name })}
          </Button>
        ) : isSelf ? null : (
          <Button variant="secondary" busy={busy} busyLabel={t("working")} onClick={() => run("disable")}>
            {t("disable", { name })}
          </Button>
        )}
        {status === "PENDING" ? (
          <Button variant="secondary" busy={busy} busyLabel={t("working")} onClick={() => run("link")}>
            {t("newLink", { name })}
          </Button>
        ) : null}
      </div>
      <p role="status" className="muted">
        {notice}
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      {link ? <OneTimeLink id={`${idBase}-link`} link={link} intro={t("newLink", { name })} /> : null}
    </div>
  );
}
