"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { StoryFormOptions } from "@/lib/stories/form-data";
import {
  mergeRows,
  mergeValues,
  type MergeChoice,
  type MergeField,
  type StoryFormValues,
} from "@/lib/stories/form-values";
import { dynamic, fieldLabelKey, localizedName, type StoriesT } from "./form-types";
import { sourceChoices } from "./story-form-links";
import styles from "./stories.module.css";

/** A field's value as a reader sees it (names and codes, not ids). */
export function describeValue(
  field: MergeField,
  values: StoryFormValues,
  options: StoryFormOptions,
  t: StoriesT,
  locale: string,
): string {
  const none = t("form.empty");
  const names = <T extends { id: string }>(list: T[], ids: string[], name: (item: T) => string) => {
    const byId = new Map(list.map((item) => [item.id, item]));
    return ids.map((id) => (byId.has(id) ? name(byId.get(id)!) : id)).join("\n") || none;
  };
  const person = (id: string) => options.team.find((member) => member.id === id)?.name ?? (id || none);
  switch (field) {
    case "changeType":
      return values.changeType ? dynamic(t, `changeTypes.${values.changeType}`) : none;
    case "period":
      return values.periodFrom || values.periodTo
        ? `${dynamic(t, `precisions.${values.periodPrecision}`)}: ${values.periodFrom || "…"} – ${values.periodTo || "…"}`
        : none;
    case "translatedById":
    case "collectedById":
      return person(values[field]);
    case "placeIds":
      return names(options.places, values.placeIds, (place) => place.label);
    case "sectorIds":
      return names(options.sectors, values.sectorIds, (sector) => localizedName(sector, locale));
    case "priorityTagIds":
      return names(options.priorityTags, values.priorityTagIds, (tag) => localizedName(tag, locale));
    case "storytellerIds":
      return names(options.respondents, values.storytellerIds, (respondent) => respondent.code);
    case "atRiskGroups":
      return (
        values.atRiskGroups
          .map((row) => {
            const group = options.atRiskGroups.find((item) => item.id === row.groupId);
            return (group ? localizedName(group, locale) : row.groupId) + (row.note ? ` — ${row.note}` : "");
          })
          .join("\n") || none
      );
    case "figures":
      return (
        values.figures
          .map((figure) =>
            `${figure.label}: ${dynamic(t, `qualifiers.${figure.qualifier}`)} ${figure.value}${figure.qualifier === "RANGE" ? `–${figure.valueMax}` : ""} ${figure.unit}`.trim(),
          )
          .join("\n") || none
      );
    case "contributions":
      return (
        values.contributions
          .map(
            (row) =>
              `${options.projects.find((p) => p.id === row.projectId)?.acronym ?? row.projectId}: ${row.howContributed}`,
          )
          .join("\n") || none
      );
    case "sources": {
      const labels = sourceChoices(options, t).labels;
      return (
        values.sources
          .map((source) => labels.get(`${source.kind}:${source.id}`) ?? dynamic(t, `sourceKinds.${source.kind}`))
          .join("\n") || none
      );
    }
    default:
      return values[field] || none;
  }
}

/** The label of a merge field, as on the form. */
export function mergeFieldLabel(field: MergeField, t: StoriesT): string {
  return dynamic(t, fieldLabelKey(field));
}

type Props = {
  base: StoryFormValues;
  theirs: { version: number; values: StoryFormValues };
  yours: StoryFormValues;
  options: StoryFormOptions;
  locale: string;
  t: StoriesT;
  busy: boolean;
  onSave: (merged: StoryFormValues) => void;
  onDiscard: () => void;
};

/**
 * Both versions side by side, field by field — theirs (now stored) and yours (not saved) — with
 * a choice per field; saving sends the merge over the stored version.
 */
export function MergePanel({ base, theirs, yours, options, locale, t, busy, onSave, onDiscard }: Props) {
  const rows = mergeRows(base, theirs.values, yours);
  const [choices, setChoices] = useState<Partial<Record<MergeField, MergeChoice>>>(() =>
    Object.fromEntries(rows.map((row) => [row.field, row.suggested])),
  );
  return (
    <section className="section" aria-labelledby="merge-title">
      <h2 id="merge-title" tabIndex={-1}>
        {t("merge.title")}
      </h2>
      <p>{t("merge.intro", { version: theirs.version })}</p>
      {rows.length === 0 ? <p>{t("merge.same")}</p> : null}
      <div className={styles.mergeTable}>
        {rows.map((row) => {
          const name = `merge-${row.field}`;
          const label = mergeFieldLabel(row.field, t);
          return (
            <fieldset key={row.field} className={styles.mergeField}>
              <legend>
                {label}
                {row.theirsChanged && row.yoursChanged ? (
                  <span className={styles.required}> — {t("merge.bothChanged")}</span>
                ) : null}
              </legend>
              <div className={styles.mergeColumns}>
                {(["theirs", "yours"] as const).map((side) => (
                  <label key={side} className={styles.mergeOption}>
                    <span>
                      <input
                        type="radio"
                        name={name}
                        value={side}
                        checked={choices[row.field] === side}
                        onChange={() => setChoices({ ...choices, [row.field]: side })}
                      />{" "}
                      <strong>
                        {side === "theirs" ? t("merge.keepTheirs", { version: theirs.version }) : t("merge.keepYours")}
                      </strong>
                    </span>
                    <span className={styles.mergeValue}>
                      {describeValue(row.field, side === "theirs" ? theirs.values : yours, options, t, locale)}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className={styles.formActions}>
        <Button
          busy={busy}
          busyLabel={t("form.saving")}
          onClick={() => onSave(mergeValues(theirs.values, yours, choices))}
        >
          {t("merge.save", { version: theirs.version })}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onDiscard}>
          {t("merge.discard")}
        </Button>
      </div>
    </section>
  );
}
