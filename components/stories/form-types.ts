import type { useTranslations } from "next-intl";
import type { StoryFormOptions } from "@/lib/stories/form-data";
import type { StoryFormValues } from "@/lib/stories/form-values";

export type StoriesT = ReturnType<typeof useTranslations<"stories">>;

/** What every part of the story form receives. */
export type SectionProps = {
  values: StoryFormValues;
  update: (patch: Partial<StoryFormValues>) => void;
  /** The translated error for a field path ("figures.2.label"), or null. */
  error: (path: string) => string | null;
  options: StoryFormOptions;
  locale: string;
  t: StoriesT;
};

/** The DOM id of the control for a field path: "figures.2.label" → "story-figures-2-label". */
export function fieldId(path: string): string {
  return `story-${path.replace(/\./g, "-")}`;
}

/** A message key built at run time (enum values, error codes), checked by the messages test instead of the compiler. */
export function dynamic(t: StoriesT, key: string, values?: Record<string, string | number>): string {
  return (t as unknown as (key: string, values?: Record<string, string | number>) => string)(key, values);
}

/**
 * The message key of a story field's label as the form shows it: a group of controls is named by
 * its fieldset or its list, any other field by `fields.<name>`. The error summary and the merge of
 * two versions both name fields with it, so a field reads the same in both.
 */
const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  period: "fieldsets.period",
  placeIds: "fields.places",
  sectorIds: "fields.sectors",
  priorityTagIds: "fields.priorityTags",
  storytellerIds: "fields.storytellers",
  translatedById: "fields.translatedBy",
  collectedById: "fields.collectedBy",
  figures: "fieldsets.figures",
  contributions: "fields.contributions",
};

export function fieldLabelKey(field: string): string {
  return FIELD_LABEL_KEYS[field] ?? `fields.${field}`;
}

export function localizedName(record: { nameEn: string; nameEs: string }, locale: string): string {
  return locale === "es" ? record.nameEs : record.nameEn;
}

/** Only languages the interface knows are declared on inputs: a half-typed code would be an invalid `lang`. */
export function langAttribute(code: string): string | undefined {
  return code === "es" || code === "en" ? code : undefined;
}
