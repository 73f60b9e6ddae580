import { getTranslations } from "next-intl/server";
import type { StoryStart } from "@/lib/stories/start-data";
import styles from "./stories.module.css";

/**
 * Above a story started from an excerpt: the passage, what the form filled in, and for a focus
 * group (or an interview with several people) who took part, since the passage does not say who spoke.
 */
export async function StoryStartNote({ start }: { start: StoryStart }) {
  const t = await getTranslations("stories.start");
  return (
    <section className={styles.fieldset} aria-labelledby="story-start-title">
      <h2 id="story-start-title">{t("title")}</h2>
      <blockquote>{start.quotedText}</blockquote>
      <p>{t("filled", { parent: start.parent, storyteller: start.values.storytellerIds.length })}</p>
      {start.offered.length > 0 ? (
        <p>{t("offered", { codes: start.offered.map((person) => person.code).join(", ") })}</p>
      ) : null}
    </section>
  );
}
