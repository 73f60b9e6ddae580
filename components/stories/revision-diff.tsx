/**
 * The differences between two revisions, field by field. Long texts show insertions in <ins>
 * (underlined, marked "+") and deletions in <del> (struck through, marked "−"), each also named
 * for screen readers, so no difference is told by colour alone.
 */
import type { ReactNode } from "react";
import type { DiffSegment, FieldChange, ListChange } from "@/lib/stories/diff";
import type { StorySnapshot } from "@/lib/stories/snapshot";
import { dynamic, localizedName, type StoriesT } from "./form-types";
import { formatDay, formatFigure, formatPeriod, type Formatter } from "./format";
import styles from "./stories.module.css";
import { Section } from "@/components/ui/section";

type Context = { t: StoriesT; format: Formatter; locale: string };

export function Inserted({ children, t }: { children: ReactNode; t: StoriesT }) {
  return (
    <ins>
      <span className="visually-hidden">[{t("revisions.inserted")}: </span>
      <span className={styles.cue} aria-hidden="true">
        +
      </span>
      {children}
      <span className="visually-hidden">]</span>
    </ins>
  );
}

export function Deleted({ children, t }: { children: ReactNode; t: StoriesT }) {
  return (
    <del>
      <span className="visually-hidden">[{t("revisions.deleted")}: </span>
      <span className={styles.cue} aria-hidden="true">
        −
      </span>
      {children}
      <span className="visually-hidden">]</span>
    </del>
  );
}

export function TextDiff({ segments, t }: { segments: DiffSegment[]; t: StoriesT }) {
  return (
    <p className={styles.diffText}>
      {segments.map((segment, index) =>
        segment.type === "equal" ? (
          <span key={index}>{segment.text}</span>
        ) : segment.type === "insert" ? (
          <Inserted key={index} t={t}>
            {segment.text}
          </Inserted>
        ) : (
          <Deleted key={index} t={t}>
            {segment.text}
          </Deleted>
        ),
      )}
    </p>
  );
}

type ListField = Extract<FieldChange, { kind: "list" }>["field"];

function itemLabel(field: ListField, item: unknown, { t, format, locale }: Context): string {
  switch (field) {
    case "places": {
      const place = item as StorySnapshot["places"][number];
      return [place.state, place.municipality, place.community].filter(Boolean).join(" · ");
    }
    case "sectors":
    case "priorityTags":
      return localizedName(item as { nameEn: string; nameEs: string }, locale);
    case "atRiskGroups": {
      const row = item as StorySnapshot["atRiskGroups"][number];
      return localizedName(row, locale) + (row.note ? ` — ${row.note}` : "");
    }
    case "figures": {
      const figure = item as StorySnapshot["figures"][number];
      const translation = [figure.labelTranslation, figure.unitTranslation].filter(Boolean).join(", ");
      return `${figure.label}: ${formatFigure(figure, locale, t)}${translation ? ` (${translation})` : ""} · #${figure.position}`;
    }
    case "contributions": {
      const row = item as StorySnapshot["contributions"][number];
      return `${row.acronym}: ${row.howContributed}${row.howContributedTranslation ? ` (${row.howContributedTranslation})` : ""}`;
    }
    case "storytellers":
      return (item as StorySnapshot["storytellers"][number]).code;
    case "sources": {
      const source = item as StorySnapshot["sources"][number];
      return `${dynamic(t, `sourceKinds.${source.kind}`)} · ${formatDay(source.date, format)}${source.topic ? ` · ${source.topic}` : ""}`;
    }
  }
}

function ListDiff({ field, change, context }: { field: ListField; change: ListChange<unknown>; context: Context }) {
  const { t } = context;
  const group = (title: string, items: ReactNode[]) =>
    items.length ? (
      <div>
        <h4>{title}</h4>
        <ul className="plain-list">{items}</ul>
      </div>
    ) : null;
  return (
    <div className={styles.beforeAfter}>
      {group(
        t("revisions.added"),
        change.added.map((item, i) => (
          <li key={i}>
            <Inserted t={t}>{itemLabel(field, item, context)}</Inserted>
          </li>
        )),
      )}
      {group(
        t("revisions.removed"),
        change.removed.map((item, i) => (
          <li key={i}>
            <Deleted t={t}>{itemLabel(field, item, context)}</Deleted>
          </li>
        )),
      )}
      {group(
        t("revisions.changed"),
        change.changed.map((pair, i) => (
          <li key={i}>
            <Deleted t={t}>{itemLabel(field, pair.before, context)}</Deleted> →{" "}
            <Inserted t={t}>{itemLabel(field, pair.after, context)}</Inserted>
          </li>
        )),
      )}
    </div>
  );
}

function valueText(
  change: Extract<FieldChange, { kind: "value" }>,
  side: "before" | "after",
  { t, format }: Context,
): string {
  const none = t("detail.none");
  switch (change.field) {
    case "changeType":
      return dynamic(t, `changeTypes.${change[side]}`);
    case "period":
      return formatPeriod(change[side], format, t);
    case "translatedBy":
    case "collectedBy":
      return change[side]?.name ?? none;
    default:
      return change[side] ?? none;
  }
}

const LABELS: Record<string, string> = {
  period: "fieldsets.period",
  figures: "fieldsets.figures",
  contributions: "fields.contributions",
};

export function RevisionDiff({ changes, context }: { changes: FieldChange[]; context: Context }) {
  const { t } = context;
  if (changes.length === 0) return <p>{t("revisions.noChanges")}</p>;
  return (
    <div className={styles.diff}>
      <p className={styles.diffLegend}>
        <span>{t("revisions.legend")}</span>
        <ins>
          <span className={styles.cue} aria-hidden="true">
            +
          </span>
          {t("revisions.inserted")}
        </ins>
        <del>
          <span className={styles.cue} aria-hidden="true">
            −
          </span>
          {t("revisions.deleted")}
        </del>
      </p>
      {changes.map((change) => (
        <Section
          key={change.field}
          id={`change-${change.field}`}
          title={dynamic(t, LABELS[change.field] ?? `fields.${change.field}`)}
          level={3}
          className={styles.change}
        >
          {change.kind === "text" ? (
            <TextDiff segments={change.segments} t={t} />
          ) : change.kind === "value" ? (
            <p>
              <Deleted t={t}>{valueText(change, "before", context)}</Deleted> →{" "}
              <Inserted t={t}>{valueText(change, "after", context)}</Inserted>
            </p>
          ) : (
            <ListDiff field={change.field} change={change as ListChange<unknown>} context={context} />
          )}
        </Section>
      ))}
    </div>
  );
}
