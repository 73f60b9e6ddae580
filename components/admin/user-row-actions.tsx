"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionError } from "@/components/ui/form-message";
import { LinkDeliveryNotice } from "@/components/forms/link-delivery-notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { disableUser, enableUser, issueAccountSetupLink } from "@/lib/users/actions";

type Props = {
  userId: string;
  name: string;
  status: "ACTIVE" | "PENDING" | "DISABLED";
  /** The signed-in administrator's own row: no disable button (the server refuses anyway). */
  isSelf: boolean;
};

type Kind = "disable" | "enable" | "link";

/** One action for the row's three buttons, so they share one busy state and one message. */
async function runUserAction({
  kind,
  userId,
}: {
  kind: Kind;
  userId: string;
}): Promise<ActionResult<{ delivery: LinkDelivery } | { changed: boolean }>> {
  if (kind === "link") return issueAccountSetupLink({ userId });
  return kind === "disable" ? disableUser({ userId }) : enableUser({ userId });
}

export function UserRowActions({ userId, name, status, isSelf }: Props) {
  const t = useTranslations("admin.users");
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<LinkDelivery | null>(null);
  const { submit, busy, formError } = useActionForm(runUserAction, {
    clearOnStart: true,
    onStart: () => setNotice(null),
    onSuccess: (data, { kind }) => {
      if ("delivery" in data) return setDelivery(data.delivery);
      setNotice(t(kind === "disable" ? "disabledNotice" : "enabledNotice", { name }));
      router.refresh();
    },
  });
  const run = (kind: Kind) => submit({ kind, userId });

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
      <ActionError message={formError} />
      {delivery ? (
        <LinkDeliveryNotice id={`${idBase}-link`} delivery={delivery} intro={t("newLink", { name })} />
      ) : null}
    </div>
  );
}
