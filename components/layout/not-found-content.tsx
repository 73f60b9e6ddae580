import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

/** Says the same for a missing page and a page the user may not see, so neither is revealed. */
export async function NotFoundContent() {
  const t = await getTranslations("notFound");
  return (
    <>
      <PageHeader title={t("title")} description={t("body")} />
      <p>
        <Link href="/evaluations">{t("back")}</Link>
      </p>
    </>
  );
}
