/**
 * Where each of a story's translations came from, and whether it is still current. Every
 * translated text of a story has a path: "title", "sustainabilityRisks", "contributions.<projectId>",
 * "figures.<figureId>.label" or "figures.<figureId>.unit". The story keeps, per path, the md5 of
 * the source text the translation was made from, who translated it and when
 * (ChangeStory.translationSources, carried in every revision snapshot). When the source text
 * changes and the translation does not, the md5 no longer matches: the translation is stale until
 * someone translates the new text. No flag to keep in step: a writer that changes a source
 * without knowing about translations (an import, a script) still makes them stale.
 */
import type { StorySnapshot, TranslationSources } from "@/lib/stories/snapshot";
import { STORY_TEXTS } from "@/lib/stories/types";
import { sourceDigest } from "./digest";

export type TranslatedText = { path: string; source: string; translation: string | null };

const STORY_FIELDS = STORY_TEXTS satisfies ReadonlyArray<readonly [keyof StorySnapshot, keyof StorySnapshot]>;

export type StoryTextField = (typeof STORY_FIELDS)[number][0];

export const contributionPath = (projectId: string) => `contributions.${projectId}`;
export const figurePath = (figureId: string, part: "label" | "unit") => `figures.${figureId}.${part}`;

/** Every text of the story that can be translated, with its path. */
export function translatableTexts(story: StorySnapshot): TranslatedText[] {
  const texts: TranslatedText[] = [];
  for (const [field, translation] of STORY_FIELDS) {
    const source = story[field];
    if (source) texts.push({ path: field, source, translation: story[translation] ?? null });
  }
  for (const row of story.contributions)
    texts.push({
      path: contributionPath(row.projectId),
      source: row.howContributed,
      translation: row.howContributedTranslation ?? null,
    });
  for (const figure of story.figures) {
    texts.push({ path: figurePath(figure.id, "label"), source: figure.label, translation: figure.labelTranslation });
    if (figure.unit)
      texts.push({
        path: figurePath(figure.id, "unit"),
        source: figure.unit,
        translation: figure.unitTranslation ?? null,
      });
  }
  return texts;
}

/**
 * The map to store after a save. A translation that is new or changed in this save is recorded
 * against the source as saved, by the story's translator, now. One left as it was keeps its
 * entry, so a changed source shows it stale. One with no entry yet (written before translations
 * were tracked) is taken as made from the source as it stood before this save.
 */
export function nextTranslationSources(
  before: StorySnapshot | null,
  after: StorySnapshot,
  now: Date,
): TranslationSources {
  const previous = before?.translationSources ?? {};
  const earlier = new Map((before ? translatableTexts(before) : []).map((text) => [text.path, text]));
  const next: TranslationSources = {};
  for (const text of translatableTexts(after)) {
    if (!text.translation?.trim()) continue;
    const old = earlier.get(text.path);
    if (!old || old.translation !== text.translation) {
      next[text.path] = { from: sourceDigest(text.source), by: after.translatedBy?.id ?? null, at: now.toISOString() };
    } else {
      next[text.path] = previous[text.path] ?? {
        from: sourceDigest(old.source),
        by: before?.translatedBy?.id ?? null,
        at: null,
      };
    }
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The paths whose translation was made from a source text that has changed since. */
export function staleTranslationPaths(story: StorySnapshot): Set<string> {
  const stale = new Set<string>();
  for (const text of translatableTexts(story)) {
    const entry = story.translationSources[text.path];
    if (text.translation?.trim() && entry && entry.from !== sourceDigest(text.source)) stale.add(text.path);
  }
  return stale;
}

/** Whether the translation at `path` was made from `source` as it reads now (true when nothing is recorded). */
export function isCurrentTranslation(
  sources: TranslationSources | null | undefined,
  path: string,
  source: string,
): boolean {
  const entry = sources?.[path];
  return !entry || entry.from === sourceDigest(source);
}
