/** "Waiting for you": what the member's roles ask of them now, each a link straight to where to do it. */
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { WaitingItem } from "@/lib/dashboard/waiting";
import { Section } from "@/components/ui/section";

export async function WaitingSection({ items }: { items: WaitingItem[] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard.waiting"), getFormatter()]);
  const label = (item: WaitingItem) => {
    switch (item.kind) {
      case "BALLOTS":
        return t("ballots", {
          count: item.count,
          round: item.roundName,
          deadline: format.dateTime(item.deadline, { dateStyle: "long", timeStyle: "short" }),
        });
      case "RESPONSES":
        return t("responses", { count: item.count, round: item.roundName });
      case "TRIANGULATION":
        return t("triangulation", { count: item.count });
      case "REVIEW":
        return t("review", { count: item.count });
    }
  };
  return (
    <Section id="waiting-title" title={t("title")}>
      {items.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item.path}>
              <Link href={item.path}>{label(item)}</Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
