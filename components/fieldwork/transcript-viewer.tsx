"use client";

/**
 * A transcript to read and to mark excerpts in. The text is a textarea that refuses every change,
 * so selecting works the same with the mouse and with the keyboard (Shift + arrows), screen
 * readers can read it, and the selection comes as UTF-16 offsets — exactly how excerpts are stored. A backdrop
 * behind it paints the excerpts; it is drawn once per change of the excerpt list, never per
 * keystroke or selection.
 */
import { useTranslations } from "next-intl";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createExcerpt, deleteExcerpt } from "@/lib/excerpts/actions";
import type { ExcerptSourceKind } from "@/lib/excerpts/schema";
import { MAX_EXCERPT_LENGTH, MAX_EXCERPT_NOTE_LENGTH } from "@/lib/excerpts/types";
import { ExcerptList, type ExcerptItem } from "./excerpt-list";

export type { ExcerptItem };
import { runsOf, trimmedRange } from "./highlight";
import styles from "./fieldwork.module.css";
import { evaluationPath } from "@/lib/evaluations/paths";
import { Section } from "@/components/ui/section";

type Status = { kind: "info" | "error"; message: string } | null;

export type TranscriptViewerProps = {
  evaluationId: string;
  source: ExcerptSourceKind;
  sourceId: string;
  variant: "ORIGINAL" | "TRANSLATION";
  text: string;
  lang: string | null;
  title: string;
  excerpts: ExcerptItem[];
  canEdit: boolean;
  viewerName: string;
};

export function TranscriptViewer(props: TranscriptViewerProps) {
  const { evaluationId, source, sourceId, variant, text, lang, title, canEdit } = props;
  const t = useTranslations("fieldwork");
  const id = useId();
  const readerRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const [excerpts, setExcerpts] = useState(props.excerpts);
  const [current, setCurrent] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [mounted, setMounted] = useState(false);
  // The words travel once, as this component's prop; they are put in the page here rather than
  // rendered on the server as well, which would send them a second time inside the HTML.
  useLayoutEffect(() => {
    if (readerRef.current) readerRef.current.value = text;
    setMounted(true);
  }, [text]);

  // Browsers give no keyboard caret in a `readonly` textarea, so the text is editable to the
  // browser (caret, Shift+arrows) but every change is refused, and anything that slips through
  // (an input-method composition cannot be cancelled) is put back at once.
  useEffect(() => {
    const reader = readerRef.current;
    if (!reader) return;
    const refuse = (event: Event) => event.preventDefault();
    const restore = () => {
      if (reader.value === text) return;
      const { selectionStart, selectionEnd } = reader;
      reader.value = text;
      reader.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
    };
    reader.addEventListener("beforeinput", refuse);
    reader.addEventListener("drop", refuse);
    reader.addEventListener("input", restore);
    reader.addEventListener("compositionend", restore);
    return () => {
      reader.removeEventListener("beforeinput", refuse);
      reader.removeEventListener("drop", refuse);
      reader.removeEventListener("input", restore);
      reader.removeEventListener("compositionend", restore);
    };
  }, [text]);

  const anchored = useMemo(() => excerpts.filter((excerpt) => !excerpt.needsAttention), [excerpts]);
  const backdrop = useMemo(() => {
    if (!mounted) return null;
    return runsOf(text.length, anchored).map((run) =>
      run.ids.length === 0 ? (
        text.slice(run.start, run.end)
      ) : (
        <mark
          key={run.start}
          data-excerpt={run.ids.join(" ")}
          className={[styles.mark, current && run.ids.includes(current) ? styles.markCurrent : null]
            .filter(Boolean)
            .join(" ")}
        >
          {text.slice(run.start, run.end)}
        </mark>
      ),
    );
  }, [mounted, text, anchored, current]);

  function syncScroll() {
    if (backdropRef.current && readerRef.current) backdropRef.current.scrollTop = readerRef.current.scrollTop;
  }

  function onSelect() {
    const reader = readerRef.current;
    if (!reader) return;
    const range = trimmedRange(text, reader.selectionStart, reader.selectionEnd);
    setSelected(range ? range.end - range.start : 0);
  }

  function show(excerpt: ExcerptItem) {
    const reader = readerRef.current;
    if (!reader) return;
    setCurrent(excerpt.id);
    reader.focus();
    reader.setSelectionRange(excerpt.startOffset, excerpt.endOffset);
    setSelected(excerpt.endOffset - excerpt.startOffset);
    const mark = backdropRef.current?.querySelector<HTMLElement>(`mark[data-excerpt~="${CSS.escape(excerpt.id)}"]`);
    if (mark) reader.scrollTop = Math.max(0, mark.offsetTop - reader.clientHeight / 3);
    syncScroll();
  }

  async function create() {
    const reader = readerRef.current;
    const range = reader ? trimmedRange(text, reader.selectionStart, reader.selectionEnd) : null;
    if (!range) return setStatus({ kind: "error", message: t("excerpts.selectFirst") });
    if (range.end - range.start > MAX_EXCERPT_LENGTH)
      return setStatus({ kind: "error", message: t("errors.excerptTooLong", { max: MAX_EXCERPT_LENGTH }) });
    setBusy(true);
    setStatus(null);
    try {
      const quotedText = text.slice(range.start, range.end);
      const note = noteRef.current?.value ?? "";
      const result = await createExcerpt({
        evaluationId,
        source,
        sourceId,
        variant,
        startOffset: range.start,
        endOffset: range.end,
        quotedText,
        note,
      });
      if (result.ok) {
        const excerpt: ExcerptItem = {
          ...result.data,
          createdBy: props.viewerName,
          createdAt: new Date(result.data.createdAt).toISOString(),
          storyCount: 0,
          needsAttention: false,
        };
        setExcerpts((list) => [...list, excerpt].sort((a, b) => a.startOffset - b.startOffset));
        setCurrent(excerpt.id);
        if (noteRef.current) noteRef.current.value = "";
        setStatus({ kind: "info", message: t("excerpts.created", { length: quotedText.length }) });
      } else {
        setStatus({ kind: "error", message: failureMessage(result) });
      }
    } catch {
      setStatus({ kind: "error", message: t("failures.UNEXPECTED") });
    }
    setBusy(false);
  }

  async function remove(excerpt: ExcerptItem) {
    if (!window.confirm(t("excerpts.confirmRemove"))) return;
    setStatus(null);
    try {
      const result = await deleteExcerpt({ evaluationId, excerptId: excerpt.id });
      if (result.ok) {
        setExcerpts((list) => list.filter((item) => item.id !== excerpt.id));
        setStatus({ kind: "info", message: t("excerpts.removed") });
        readerRef.current?.focus();
      } else {
        setStatus({ kind: "error", message: failureMessage(result) });
      }
    } catch {
      setStatus({ kind: "error", message: t("failures.UNEXPECTED") });
    }
  }

  function failureMessage(result: { error: string; reason?: string; fieldErrors?: Record<string, string[]> }): string {
    if (result.error === "REJECTED") {
      const key = `rejections.${result.reason}`;
      return t.has(key as "errors.invalid") ? t(key as "errors.invalid") : t("errors.invalid");
    }
    if (result.error === "INVALID") {
      const first = Object.values(result.fieldErrors ?? {})[0]?.[0];
      if (first === "errors.excerptTooLong") return t("errors.excerptTooLong", { max: MAX_EXCERPT_LENGTH });
      return first && t.has(first as "errors.invalid") ? t(first as "errors.invalid") : t("errors.invalid");
    }
    return t(`failures.${result.error as "UNEXPECTED"}`);
  }

  const headingId = `${id}-title`;
  const hintId = `${id}-hint`;

  return (
    <Section id={headingId} title={title}>
      <p id={hintId} className="muted">
        {canEdit ? t("excerpts.howToMark") : t("excerpts.howToRead")}
      </p>
      <div className={styles.viewer}>
        <div ref={backdropRef} className={styles.backdrop} aria-hidden="true">
          {backdrop}
          {/* A textarea shows a last empty line after a final line break; a div needs a character. */}{" "}
        </div>
        <textarea
          ref={readerRef}
          className={styles.reader}
          // Truly read-only until the guard above is in place; read-only to assistive technology always.
          readOnly={!mounted}
          aria-readonly="true"
          inputMode="none"
          autoCorrect="off"
          autoCapitalize="off"
          lang={lang ?? undefined}
          spellCheck={false}
          aria-labelledby={headingId}
          aria-describedby={hintId}
          onScroll={syncScroll}
          onSelect={onSelect}
        />
      </div>

      {canEdit ? (
        <div className={styles.viewerTools}>
          <Field id={`${id}-note`} ref={noteRef} label={t("excerpts.noteLabel")} maxLength={MAX_EXCERPT_NOTE_LENGTH} />
          <Button
            type="button"
            onClick={create}
            busy={busy}
            busyLabel={t("excerpts.creating")}
            aria-describedby={`${id}-selected`}
          >
            {t("excerpts.createFromSelection")}
          </Button>
        </div>
      ) : null}
      <p id={`${id}-selected`} className="muted">
        {selected > 0 ? t("excerpts.selectedLength", { count: selected }) : t("excerpts.nothingSelected")}
      </p>
      <p
        className={[styles.status, status?.kind === "error" ? "text-error" : null].filter(Boolean).join(" ")}
        role="status"
        aria-live="polite"
      >
        {status?.message}
      </p>

      <ExcerptList
        idPrefix={id}
        excerpts={excerpts}
        lang={lang}
        canEdit={canEdit}
        // Those who edit fieldwork are those who write stories (lead, evaluator): lib/permissions.ts.
        newStoryPath={canEdit ? evaluationPath(evaluationId, "stories", "new") : null}
        onShow={show}
        onRemove={remove}
      />
    </Section>
  );
}
