"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";
import { createChangeStory, updateChangeStory } from "@/lib/stories/actions";
import type { StoryFormOptions } from "@/lib/stories/form-data";
import { asSchemaInput, emptyStoryValues, valuesWrittenIn, type StoryFormValues } from "@/lib/stories/form-values";
import { numberProblemValues, readWrittenNumber } from "@/lib/written-number";
import { storyFieldsSchema } from "@/lib/stories/schema";
import { LIMITS } from "@/lib/stories/types";
import { TextInput } from "./form-controls";
import { dynamic, fieldId, type SectionProps } from "./form-types";
import { MergePanel } from "./merge-panel";
import { ErrorSummary } from "./error-summary";
import { ContributionSection, PeopleAndSourcesSection, PlacesSection } from "./story-form-links";
import { FiguresSection } from "./story-form-rows";
import {
  PeriodSection,
  StoryTextSection,
  SustainabilitySection,
  TagsSection,
  TranslationSection,
} from "./story-form-sections";
import styles from "./stories.module.css";

type Stored = { version: number; values: StoryFormValues };

type Props = {
  evaluationId: string;
  options: StoryFormOptions;
  /** Edit mode: the story as stored now. After a refresh it may be newer than what the editor loaded. */
  story?: { id: string; stored: Stored };
  defaultLanguage?: string;
  /** New mode: values the form starts with instead of empty ones (a story started from an excerpt). */
  initial?: Partial<StoryFormValues>;
};

const FAILURES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "UNEXPECTED"]);

/** "figures.2.value" → the figure's index and which of its numbers. */
const FIGURE_NUMBER = /^figures\.(\d+)\.(value|valueMax)$/;

export function StoryForm({ evaluationId, options, story: given, defaultLanguage, initial }: Props) {
  const t = useTranslations("stories");
  const locale = useLocale();
  const numberLocale = locale === "en" ? "en" : "es";
  // Figures are typed, shown and sent in the reader's own way of writing numbers.
  const story = useMemo(
    () =>
      given
        ? {
            id: given.id,
            stored: { version: given.stored.version, values: valuesWrittenIn(given.stored.values, numberLocale) },
          }
        : undefined,
    [given, numberLocale],
  );
  const router = useRouter();
  const [values, setValues] = useState<StoryFormValues>(
    () => story?.stored.values ?? { ...emptyStoryValues(defaultLanguage), ...initial },
  );
  // The version this editor started from; it moves only when they merge or discard.
  const [base, setBase] = useState<Stored | null>(() => story?.stored ?? null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const refreshRequested = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const merging = Boolean(conflict && story && base && story.stored.version !== base.version);

  useEffect(() => {
    if (merging) document.getElementById("merge-title")?.focus();
  }, [merging]);

  // The refreshed page did not bring a newer version (should not happen): say so instead of waiting forever.
  useEffect(() => {
    if (!refreshRequested.current || refreshing) return;
    refreshRequested.current = false;
    if (!merging) {
      setConflict(false);
      showErrors({}, message("CONFLICT"));
    }
  });

  const message = (key: string) =>
    t.has(`errors.${key}` as never) ? dynamic(t, `errors.${key}`) : t("errors.invalid");
  const error = (path: string) => {
    const keys = errors[path];
    if (!keys?.length) return null;
    const figure = FIGURE_NUMBER.exec(path);
    if (!figure || !keys[0]!.startsWith("number")) return message(keys[0]!);
    // The message shows how the number reads and how to write it: worked out again from the text.
    const text = values.figures[Number(figure[1])]?.[figure[2] as "value" | "valueMax"] ?? "";
    const reading = readWrittenNumber(text, numberLocale);
    const key = reading.ok ? keys[0]! : reading.problem === "numberRequired" ? "required" : reading.problem;
    return t.has(`errors.${key}` as never)
      ? dynamic(t, `errors.${key}`, {
          asRead: "",
          other: "",
          otherGrouped: "",
          ...numberProblemValues(text, numberLocale),
        })
      : t("errors.invalid");
  };

  function showErrors(next: FieldErrors, top: string | null = null) {
    setErrors(next);
    setFormError(top);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function save(toSave: StoryFormValues, expectedVersion: number | null) {
    const parsed = storyFieldsSchema.safeParse({ ...asSchemaInput(toSave), numberLocale });
    if (!parsed.success) {
      if (merging) setConflict(false);
      setValues(toSave);
      showErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const result =
        story && expectedVersion !== null
          ? await updateChangeStory({
              evaluationId,
              storyId: story.id,
              expectedVersion,
              note,
              story: { ...toSave, numberLocale },
            })
          : await createChangeStory({ evaluationId, story: { ...toSave, numberLocale } });
      if (result.ok) {
        router.push(
          `/evaluations/${encodeURIComponent(evaluationId)}/stories/${encodeURIComponent(result.data.storyId)}`,
        );
        router.refresh();
        return; // stay busy until the story page arrives
      }
      setBusy(false);
      if (result.error === "CONFLICT" && story) {
        setValues(toSave);
        setErrors({});
        setConflict(true);
        refreshRequested.current = true;
        startRefresh(() => router.refresh());
      } else if (result.error === "INVALID") {
        const stripped: FieldErrors = {};
        for (const [path, keys] of Object.entries(result.fieldErrors)) stripped[path.replace(/^story\./, "")] = keys;
        showErrors(stripped);
      } else if (result.error === "REJECTED") {
        showErrors(
          result.field ? { [result.field]: [result.reason] } : {},
          result.field ? null : message(result.reason),
        );
      } else {
        showErrors({}, message(FAILURES.has(result.error) ? result.error : "UNEXPECTED"));
      }
    } catch {
      setBusy(false);
      showErrors({}, message("UNEXPECTED"));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save(values, base?.version ?? null);
  }

  if (conflict && story && base) {
    if (!merging) return <p role="status">{t("merge.loading")}</p>;
    return (
      <MergePanel
        base={base.values}
        theirs={story.stored}
        yours={values}
        options={options}
        locale={locale}
        t={t}
        busy={busy}
        onSave={(merged) => void save(merged, story.stored.version)}
        onDiscard={() => {
          setValues(story.stored.values);
          setBase(story.stored);
          setConflict(false);
        }}
      />
    );
  }

  const section: SectionProps = {
    values,
    update: (patch) => setValues((current) => ({ ...current, ...patch })),
    error,
    options,
    locale,
    t,
  };
  return (
    <form
      method="post"
      className={styles.form}
      noValidate
      onSubmit={onSubmit}
      aria-describedby={formError ? "story-form-error" : undefined}
    >
      <ErrorSummary ref={summaryRef} errors={errors} formError={formError} error={error} t={t} />
      <StoryTextSection {...section} />
      <PeriodSection {...section} />
      <PlacesSection {...section} />
      <FiguresSection {...section} />
      <ContributionSection {...section} />
      <SustainabilitySection {...section} />
      <TagsSection {...section} />
      <PeopleAndSourcesSection {...section} />
      <TranslationSection {...section} />
      {story ? (
        <fieldset className={styles.fieldset}>
          <legend>{t("fieldsets.revision")}</legend>
          <TextInput
            id={fieldId("note")}
            label={t("fields.note")}
            hint={t("fields.noteHint")}
            value={note}
            maxLength={LIMITS.note}
            error={error("note")}
            onChange={setNote}
          />
        </fieldset>
      ) : null}
      <SubmitButton busy={busy} busyLabel={t("form.saving")}>
        {story ? t("form.save") : t("form.create")}
      </SubmitButton>
    </form>
  );
}
