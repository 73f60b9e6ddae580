import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

/** One answer for every link that cannot be used: unknown, expired, used, withdrawn. */
export async function InvalidLink() {
  const t = await getTranslations("invitations");
  return <PageHeader title={t("invalidTitle")} description={t("invalidBody")} />;
}
