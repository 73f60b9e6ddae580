import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SetupSection } from "./setup-page";
import styles from "./setup.module.css";
import { evaluationPath } from "@/lib/evaluations/paths";

const SECTIONS = [
  ["details", ""],
  ["domains", "/domains"],
  ["projects", "/projects"],
  ["places", "/places"],
  ["plan", "/plan"],
  ["lists", "/lists"],
] as const;

/** The setup area's own sections; the current one is marked for screen readers too. */
export async function SetupSections({ evaluationId, current }: { evaluationId: string; current: SetupSection }) {
  const t = await getTranslations("setup");
  const base = evaluationPath(evaluationId, "settings");
  return (
    <nav aria-label={t("sectionsLabel")} className="section">
      <ul className={styles.sections}>
        {SECTIONS.map(([key, path]) => (
          <li key={key}>
            <Link href={`${base}${path}`} aria-current={key === current ? "page" : undefined}>
              {t(`sections.${key}`)}
            </Link>
          </li>
        ))}
        <li>
          {/* The texts of the brief have their own page: analysts write them too, and reviewers read them. */}
          <Link href={evaluationPath(evaluationId, "learnings")}>{t("sections.learnings")}</Link>
        </li>
      </ul>
    </nav>
  );
}
