"use client";

import type { SourceKind } from "@/lib/stories/schema";
import { ContributionRows, PickedList } from "./story-form-rows";
import { ContributionNarrative } from "./story-form-sections";
import type { StoryFormOptions } from "@/lib/stories/form-data";
import { dynamic, type SectionProps, type StoriesT } from "./form-types";
import styles from "./stories.module.css";

/** Places of the change. */
export function PlacesSection(props: SectionProps) {
  const { values, update, error, t, options } = props;
  const label = new Map(options.places.map((place) => [place.id, place.label]));
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.where")}</legend>
      <PickedList
        field="placeIds"
        legend={t("fields.places")}
        empty={t("form.noPlaces")}
        addLabel={t("form.addPlace")}
        items={values.placeIds.map((id) => ({ value: id, label: label.get(id) ?? id }))}
        available={options.places
          .filter((place) => !values.placeIds.includes(place.id))
          .map((place) => ({ value: place.id, label: place.label }))}
        error={error}
        onAdd={(id) => update({ placeIds: [...values.placeIds, id] })}
        onRemove={(index) => update({ placeIds: values.placeIds.filter((_, i) => i !== index) })}
        t={t}
      />
    </fieldset>
  );
}

export function ContributionSection(props: SectionProps) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>{props.t("fieldsets.contribution")}</legend>
      <ContributionNarrative {...props} />
      <ContributionRows {...props} />
    </fieldset>
  );
}

/** The interviews, focus groups and excerpts a story may rest on, as options ("KIND:id") and labels. */
export function sourceChoices(options: StoryFormOptions, t: StoriesT) {
  const labels = new Map<string, string>();
  const option = (value: string, label: string) => {
    labels.set(value, label);
    return { value, label };
  };
  const interviews = options.interviews.map((interview) =>
    option(
      `INTERVIEW:${interview.id}`,
      interview.respondentCodes.length
        ? t("form.interviewWith", { date: interview.date, codes: interview.respondentCodes.join(", ") })
        : t("form.interviewOn", { date: interview.date }),
    ),
  );
  const focusGroups = options.focusGroups.map((group) =>
    option(`FOCUS_GROUP:${group.id}`, t("form.focusGroupOn", { date: group.date, topic: group.topic })),
  );
  const excerpts = options.excerpts.map((excerpt) =>
    option(`EXCERPT:${excerpt.id}`, t("form.excerptOf", { date: excerpt.date, preview: excerpt.preview })),
  );
  return { interviews, focusGroups, excerpts, labels };
}

/** Storytellers (respondent codes only) and the interviews, focus groups and excerpts the story rests on. */
export function PeopleAndSourcesSection(props: SectionProps) {
  const { values, update, error, t, options } = props;
  const respondentLabel = (respondent: { code: string; excluded: boolean }) =>
    respondent.excluded ? t("form.respondentExcluded", { code: respondent.code }) : respondent.code;
  const respondents = new Map(options.respondents.map((respondent) => [respondent.id, respondent]));
  const { interviews, focusGroups, excerpts, labels: sourceLabels } = sourceChoices(options, t);
  const chosenSources = new Set(values.sources.map((source) => `${source.kind}:${source.id}`));
  const notChosen = (option: { value: string }) => !chosenSources.has(option.value);
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("fieldsets.people")}</legend>
      <p className={styles.fieldsetIntro}>{t("form.peopleIntro")}</p>
      <PickedList
        field="storytellerIds"
        legend={t("fields.storytellers")}
        hint={t("fields.storytellersHint")}
        empty={t("form.noStorytellers")}
        addLabel={t("form.addStoryteller")}
        items={values.storytellerIds.map((id) => ({
          value: id,
          label: respondents.has(id) ? respondentLabel(respondents.get(id)!) : id,
        }))}
        available={options.respondents
          .filter((r) => !values.storytellerIds.includes(r.id))
          .map((r) => ({ value: r.id, label: respondentLabel(r) }))}
        error={error}
        onAdd={(id) => update({ storytellerIds: [...values.storytellerIds, id] })}
        onRemove={(index) => update({ storytellerIds: values.storytellerIds.filter((_, i) => i !== index) })}
        t={t}
      />
      <PickedList
        field="sources"
        legend={t("fields.sources")}
        hint={t("fields.sourcesHint")}
        empty={t("form.noSources")}
        addLabel={t("form.addSource")}
        items={values.sources.map((source) => {
          const key = `${source.kind}:${source.id}`;
          return { value: key, label: sourceLabels.get(key) ?? dynamic(t, `sourceKinds.${source.kind}`) };
        })}
        groups={[
          { label: t("sourceKinds.INTERVIEW"), options: interviews.filter(notChosen) },
          { label: t("sourceKinds.FOCUS_GROUP"), options: focusGroups.filter(notChosen) },
          { label: t("sourceKinds.EXCERPT"), options: excerpts.filter(notChosen) },
        ]}
        error={error}
        onAdd={(value) => {
          const [kind, id] = value.split(":") as [SourceKind, string];
          update({ sources: [...values.sources, { kind, id }] });
        }}
        onRemove={(index) => update({ sources: values.sources.filter((_, i) => i !== index) })}
        t={t}
      />
    </fieldset>
  );
}
