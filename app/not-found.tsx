import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundContent } from "@/components/layout/not-found-content";
import { SiteHeader } from "@/components/layout/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("metaTitle") };
}

/** For addresses that match no route; only the root layout is around it, so it brings its own header. */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <NotFoundContent />
      </main>
    </>
  );
}
