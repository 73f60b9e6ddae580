import { getTranslations } from "next-intl/server";
import type { StoryStart } from "@/lib/stories/start-data";
import styles from "./stories.module.css";
import { Section } from "@/components/ui/section";

/**
 * Above a story started from an excerpt: the passage, what the form filled in, and for a focus
 * group (or an interview with several people) who took part, since the passage does not say who spoke.
 */
export async function StoryStartNote({ start }: { start: StoryStart }) {
  const t = await getTranslations("stories.start");
  return (
    <Section id="story-start-title" title={t("title")} className={styles.fieldset}>
      <blockquote>{start.quotedText}</blockquote>
      <p>{t("filled", { parent: start.parent, storyteller: start.values.storytellerIds.length })}</p>
      {start.offered.length > 0 ? (
        <p>{t("offered", { codes: start.offered.map((person) => person.code).join(", ") })}</p>
      ) : null}
    </Section>
  );
}
