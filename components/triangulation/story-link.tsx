/** The link from a story's page to its triangulation, for those who may see evidence. */
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function TriangulationLink({ storyPath }: { storyPath: string }) {
  const t = await getTranslations("triangulation");
  return <Link href={`${storyPath}/triangulation`}>{t("nav.triangulation")}</Link>;
}
