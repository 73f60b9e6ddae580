"use client";

import { useTranslations } from "next-intl";
import type { LinkDelivery } from "@/lib/mail/delivery";
import { OneTimeLink } from "./one-time-link";

/**
 * What became of a new invitation or set-up link: e-mailed (the link is not shown: only the
 * recipient holds it), or shown once here to pass on, with a warning when the e-mail failed.
 */
export function LinkDeliveryNotice({ id, delivery, intro }: { id: string; delivery: LinkDelivery; intro: string }) {
  const t = useTranslations("admin.oneTimeLink");
  if (delivery.kind === "EMAILED") {
    return (
      <div className="notice" role="status" id={id}>
        <p>{intro}</p>
        <p>{t("emailed", { email: delivery.to })}</p>
      </div>
    );
  }
  return (
    <>
      {delivery.sendFailed ? (
        <p className="form-error" role="alert">
          {t("sendFailed")}
        </p>
      ) : null}
      <OneTimeLink id={id} link={delivery.link} intro={intro} />
    </>
  );
}
