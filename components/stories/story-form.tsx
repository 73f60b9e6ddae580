"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createChangeStory, updateChangeStory } from "@/lib/stories/actions";
import type { StoryFormOptions } from "@/lib/stories/form-data";
import { emptyStoryValues, valuesWrittenIn, type StoryFormValues } from "@/lib/stories/form-values";
import { numberProblemValues, readWrittenNumber } from "@/lib/written-number";
import { LIMITS } from "@/lib/stories/types";
import { hasRuntimeKey } from "@/lib/i18n/labels";
import { dynamic, fieldId, type SectionProps } from "./form-types";
import { storyFormFailureMessages } from "./failure-messages";
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
import { Field } from "@/components/ui/field";
import { evaluationPath } from "@/lib/evaluations/paths";

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

type Save = { toSave: StoryFormValues; expectedVersion: number | null };

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
  const [conflict, setConflict] = useState(false);
  // The refreshed page brought no newer version after a conflict (should not happen).
  const [staleConflict, setStaleConflict] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const refreshRequested = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const merging = Boolean(conflict && story && base && story.stored.version !== base.version);

  // The browser does not check the story itself (decision 0034): the action checks it with the
  // same schema and its answer is shown by the fields and in the summary on top.
  const action = useActionForm(
    ({ toSave, expectedVersion }: Save) => {
      const sent = { ...toSave, numberLocale };
      return story && expectedVersion !== null
        ? updateChangeStory({ evaluationId, storyId: story.id, expectedVersion, note, story: sent })
        : createChangeStory({ evaluationId, story: sent });
    },
    {
      failureMessages: storyFormFailureMessages(Boolean(story)),
      // The summary lists every problem with a link to its field; it takes focus when it has any.
      focus: () =>
        requestAnimationFrame(() => {
          if (summaryRef.current?.childElementCount) summaryRef.current.focus();
        }),
      onStart: () => setStaleConflict(false),
      busyAfterSuccess: true, // stay busy until the story page arrives
      onSuccess: (data) => {
        router.push(evaluationPath(evaluationId, "stories", data.storyId));
        router.refresh();
      },
      onFailure: (failure) => {
        if (failure.error === "CONFLICT" && story) {
          setConflict(true);
          refreshRequested.current = true;
          startRefresh(() => router.refresh());
        } else if (merging) {
          setConflict(false); // back to the form, where the problems show
        }
      },
    },
  );
  const errors = action.fieldErrors;
  const formError = action.formError ?? (staleConflict ? t("errors.CONFLICT") : null);

  useEffect(() => {
    if (merging) document.getElementById("merge-title")?.focus();
  }, [merging]);

  // The refreshed page did not bring a newer version (should not happen): say so instead of waiting forever.
  useEffect(() => {
    if (!refreshRequested.current || refreshing) return;
    refreshRequested.current = false;
    if (!merging) {
      setConflict(false);
      setStaleConflict(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  });

  const message = (key: string) =>
    hasRuntimeKey(t, `errors.${key}`) ? dynamic(t, `errors.${key}`) : t("errors.invalid");
  const error = (path: string) => {
    const keys = errors[path];
    if (!keys?.length) return null;
    const figure = FIGURE_NUMBER.exec(path);
    if (!figure || !keys[0]!.startsWith("number")) return message(keys[0]!);
    // The message shows how the number reads and how to write it: worked out again from the text.
    const text = values.figures[Number(figure[1])]?.[figure[2] as "value" | "valueMax"] ?? "";
    const reading = readWrittenNumber(text, numberLocale);
    const key = reading.ok ? keys[0]! : reading.problem === "numberRequired" ? "required" : reading.problem;
    return hasRuntimeKey(t, `errors.${key}`)
      ? dynamic(t, `errors.${key}`, {
          asRead: "",
          other: "",
          otherGrouped: "",
          ...numberProblemValues(text, numberLocale),
        })
      : t("errors.invalid");
  };

  function save(toSave: StoryFormValues, expectedVersion: number | null) {
    // What is sent is what the form shows afterwards (the merged story, after a merge).
    setValues(toSave);
    void action.submit({ toSave, expectedVersion });
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
        busy={action.busy}
        onSave={(merged) => save(merged, story.stored.version)}
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
      onSubmit={action.handleSubmit(() => ({ toSave: values, expectedVersion: base?.version ?? null }))}
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
          <Field
            id={fieldId("note")}
            label={t("fields.note")}
            hint={t("fields.noteHint")}
            value={note}
            maxLength={LIMITS.note}
            error={error("note")}
            onValueChange={setNote}
          />
        </fieldset>
      ) : null}
      <SubmitButton busy={action.busy} busyLabel={t("form.saving")}>
        {story ? t("form.save") : t("form.create")}
      </SubmitButton>
    </form>
  );
}
