"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** Shows no error details: the message may contain data the user should not see. */
export default function AppError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("error");
  return (
    <div className="error-state">
      <PageHeader title={t("title")} description={t("body")} />
      <p className="actions">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <Link href="/evaluations">{t("back")}</Link>
      </p>
    </div>
  );
}
