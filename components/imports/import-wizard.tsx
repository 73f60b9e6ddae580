"use client";
/**
 * The import wizard: upload → map → dry run → commit. The chosen file stays in the browser and is
 * sent again for the dry run and the commit (the server keeps no copy; the commit checks it is the
 * same file by its SHA-256). After the dry run the page shows the batch's errors (server-rendered,
 * paged) under `?batch=`; the chosen kind stays in the address (`?kind=`), so a reload keeps it.
 */
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { IMPORT_FIELDS, type IMPORT_KINDS } from "@/lib/imports/fields";
import { MAX_IMPORT_BYTES } from "@/lib/imports/limits";
import { leftOutColumns, parseTarget, type ColumnMapping } from "@/lib/imports/mapping";
import { analyzeImportFile, commitImport, dryRunImport } from "@/lib/imports/actions";
import type { ActionResult } from "@/lib/actions";
import { FormError } from "@/components/ui/form-message";
import { useActionForm, type ActionFailure } from "@/components/ui/use-action-form";
import { importFailureKey } from "./failure-messages";
import styles from "./imports.module.css";
import { Section } from "@/components/ui/section";

type Kind = (typeof IMPORT_KINDS)[number];
type Delimiter = "auto" | "," | ";" | "\t";
type Analysis = {
  headers: string[];
  mapping: ColumnMapping;
  keyColumn: string | null;
  fromSaved: boolean;
  suggestedColumns: string[];
};
type DryRun = { batchId: string; rowCount: number; newCount: number; skippedCount: number; errorCount: number };

type Props = {
  evaluationId: string;
  basePath: string;
  /** The kinds this member may import (lib/imports/policy.ts); the server checks again. */
  kinds: Kind[];
  initialKind?: Kind;
  /** Shown once a file of that kind is imported: the way to where its records are listed. */
  afterCommit?: Partial<Record<Kind, ReactNode>>;
};

export function ImportWizard({ evaluationId, basePath, kinds, initialKind, afterCommit }: Props) {
  const t = useTranslations("imports");
  // Figures in a story file are read the way numbers are written in the language the member works in.
  const numberLocale = useLocale() === "en" ? "en" : "es";
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<Kind>(initialKind ?? kinds[0] ?? "RESPONDENTS");
  const [file, setFile] = useState<File | null>(null);
  /** Stories: the repeat groups exported as CSV files of their own (a workbook brings them as sheets). */
  const [repeatFiles, setRepeatFiles] = useState<File[]>([]);
  const related = kind === "STORIES" ? repeatFiles : [];
  const [pasted, setPasted] = useState("");
  const [delimiter, setDelimiter] = useState<Delimiter>("auto");
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [keyColumn, setKeyColumn] = useState("");
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const leftOut = analysis ? leftOutColumns(analysis.headers, mapping, keyColumn || null) : [];
  // Each step's start takes the focus when it appears: the button that opened it sat in a
  // fieldset disabled while the server worked, so focus would otherwise fall back to the page.
  const mapStart = useRef<HTMLParagraphElement>(null);
  const resultStart = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (analysis) mapStart.current?.focus();
  }, [analysis]);
  useEffect(() => {
    if (dryRun) resultStart.current?.focus();
  }, [dryRun]);

  // A kind may name its own fields and steps ("Project name", not the respondent's sealed name).
  const fieldLabel = (field: string) => {
    const own = `kindFields.${kind}.${field}` as "kindFields.PROJECTS.name";
    return t.has(own) ? t(own) : t(`fields.${field}` as "fields.type");
  };
  const worded = (key: "fileHint" | "keyColumn" | "keyHint") => {
    const own = `wizard.kindWording.${kind}.${key}` as "wizard.kindWording.PROJECTS.keyHint";
    return t.has(own) ? t(own) : t(`wizard.${key}`);
  };
  const pathWith = (batchId?: string) =>
    `${basePath}?kind=${kind}${batchId ? `&batch=${encodeURIComponent(batchId)}#errors` : ""}`;

  // The three steps answer through the one message on top of the wizard: each step's failure is
  // worded by the wizard's table, with the repeated column or the left-out field as its values.
  const messageValues = (failure: ActionFailure) => {
    const target = failure.error === "REJECTED" ? failure.target : undefined;
    const header = failure.error === "REJECTED" ? failure.header : undefined;
    return {
      header: header ?? "",
      field: target && IMPORT_FIELDS[kind].some((f) => f.name === target) ? fieldLabel(target) : (target ?? ""),
    };
  };
  const step = {
    failureMessages: (failure: ActionFailure) => ({ fields: {}, form: importFailureKey(failure) }),
    messageValues,
    clearOnStart: true,
    onStart: () => clearSteps(),
  };
  const analyzeStep = useActionForm(analyzeFile, {
    ...step,
    onSuccess: (data: Analysis) => {
      setAnalysis(data);
      setMapping(data.mapping);
      setKeyColumn(data.keyColumn ?? "");
    },
  });
  const dryRunStep = useActionForm(dryRunImport, {
    ...step,
    onSuccess: (data: DryRun) => {
      setDryRun(data);
      router.replace(pathWith(data.batchId), { scroll: false });
    },
  });
  const commitStep = useActionForm(commitImport, {
    ...step,
    onSuccess: (data: { created: number; alreadyCommitted: boolean }) => {
      setDone(data.alreadyCommitted ? t("wizard.alreadyCommitted") : t("wizard.committed", { created: data.created }));
      router.replace(pathWith(), { scroll: false });
      router.refresh();
    },
    // The batch may have changed meanwhile (committed from another tab): show what it is now.
    onFailure: () => router.refresh(),
  });
  const steps = [analyzeStep, dryRunStep, commitStep];
  const pending = steps.some((one) => one.busy);
  const error = steps.map((one) => one.formError).find(Boolean) ?? null;
  /** A new step starts with no message from an earlier one. */
  function clearSteps() {
    for (const one of steps) one.clear();
  }
  /** The one message takes the focus after a failure, whichever step failed. */
  function messageRef(node: HTMLParagraphElement | null) {
    for (const one of steps) one.messageRef.current = node;
  }

  /**
   * What the browser can tell before sending the file (none chosen, too large) comes back as the
   * schema's own codes, worded like the server's answer; anything else goes to the server.
   */
  async function analyzeFile(input: { file: File | null; related: File[] }): Promise<ActionResult<Analysis>> {
    const { file: chosen, related: others } = input;
    if (!chosen) return { ok: false, error: "INVALID", fieldErrors: { file: ["fileRequired"] } };
    if (others.reduce((total, other) => total + other.size, chosen.size) > MAX_IMPORT_BYTES)
      return { ok: false, error: "INVALID", fieldErrors: { file: ["TOO_LARGE"] } };
    return analyzeImportFile({ evaluationId, kind, file: chosen, delimiter });
  }

  /** Rows copied from a spreadsheet arrive tab-separated: they are read as a file of that text. */
  function paste(text: string) {
    setPasted(text);
    setFile(text.trim() ? new File([text], t("wizard.pastedFileName"), { type: "text/tab-separated-values" }) : null);
    reset();
  }

  function reset() {
    setAnalysis(null);
    setDryRun(null);
    setDone(null);
  }

  function analyze() {
    reset();
    void analyzeStep.submit({ file, related });
  }

  function check() {
    if (!file) return;
    setDryRun(null);
    void dryRunStep.submit({
      evaluationId,
      kind,
      file,
      delimiter,
      mapping,
      keyColumn,
      idempotencyKey: crypto.randomUUID(),
      numberLocale,
      related,
    });
  }

  function commit() {
    if (!file || !dryRun) return;
    void commitStep.submit({ evaluationId, batchId: dryRun.batchId, file, related });
  }

  const fields = IMPORT_FIELDS[kind];
  const targetLabel = (target: string) => {
    const { field, choice } = parseTarget(target);
    const label = fieldLabel(field);
    return choice === null ? label : t("wizard.choiceColumn", { field: label, choice });
  };
  const optionsFor = (column: string) => {
    const current = mapping[column];
    const base = fields.map((field) => field.name);
    return current && !base.includes(current) ? [...base, current] : base;
  };

  return (
    <Section id={`${id}-title`} title={t("wizard.title")} className={styles.wizard}>
      <FormError ref={messageRef} message={error} />
      {done ? <p role="status">{done}</p> : null}
      {done && afterCommit?.[kind] ? <p>{afterCommit[kind]}</p> : null}

      <fieldset className={styles.fieldset} disabled={pending}>
        <legend className={styles.legend}>{t("wizard.uploadLegend")}</legend>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t("wizard.kind")}
          </label>
          <select
            id={`${id}-kind`}
            className="field__input"
            value={kind}
            onChange={(event) => (setKind(event.target.value as Kind), reset())}
          >
            {kinds.map((value) => (
              <option key={value} value={value}>
                {t(`kinds.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t("wizard.file")}
          </label>
          <p className="field__hint" id={`${id}-file-hint`}>
            {worded("fileHint")}
          </p>
          <input
            id={`${id}-file`}
            className="field__input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => (setPasted(""), setFile(event.target.files?.[0] ?? null), reset())}
          />
        </div>
        {kind === "STORIES" ? (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-repeats`}>
              {t("wizard.repeatFiles")}
            </label>
            <p className="field__hint" id={`${id}-repeats-hint`}>
              {t("wizard.repeatFilesHint")}
            </p>
            <input
              id={`${id}-repeats`}
              className="field__input"
              type="file"
              multiple
              accept=".csv,text/csv"
              aria-describedby={`${id}-repeats-hint`}
              onChange={(event) => (setRepeatFiles([...(event.target.files ?? [])]), reset())}
            />
          </div>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-paste`}>
            {t("wizard.paste")}
          </label>
          <p className="field__hint" id={`${id}-paste-hint`}>
            {t("wizard.pasteHint")}
          </p>
          <textarea
            id={`${id}-paste`}
            className="field__input"
            rows={4}
            value={pasted}
            aria-describedby={`${id}-paste-hint`}
            onChange={(event) => paste(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-delimiter`}>
            {t("wizard.delimiter")}
          </label>
          <select
            id={`${id}-delimiter`}
            className="field__input"
            value={delimiter}
            onChange={(event) => setDelimiter(event.target.value as Delimiter)}
          >
            {(["auto", ",", ";", "\t"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`wizard.delimiters.${value === "\t" ? "tab" : value}` as "wizard.delimiters.auto")}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.actions}>
          <button type="button" className="button" onClick={analyze}>
            {pending && !analysis ? t("wizard.busy") : t("wizard.analyze")}
          </button>
        </div>
      </fieldset>

      {analysis ? (
        <fieldset className={styles.fieldset} disabled={pending}>
          <legend className={styles.legend}>{t("wizard.mapLegend")}</legend>
          <p ref={mapStart} tabIndex={-1}>
            {analysis.fromSaved ? t("wizard.fromSaved") : t("wizard.suggested")}
          </p>
          {analysis.fromSaved && analysis.suggestedColumns.length > 0 ? (
            <p>
              {t("wizard.newColumnsMatched", {
                count: analysis.suggestedColumns.length,
                columns: analysis.suggestedColumns.join(", "),
              })}
            </p>
          ) : null}
          <p>{t("wizard.mapHint")}</p>
          <table className={styles.mapping}>
            <thead>
              <tr>
                <th scope="col">{t("wizard.column")}</th>
                <th scope="col">{t("wizard.field")}</th>
              </tr>
            </thead>
            <tbody>
              {analysis.headers.map((header, index) => (
                <tr key={header || index}>
                  <th scope="row" className={styles.columnName} id={`${id}-col-${index}`}>
                    {header}
                  </th>
                  <td>
                    <select
                      aria-labelledby={`${id}-col-${index}`}
                      className="field__input"
                      value={mapping[header] ?? ""}
                      onChange={(event) => {
                        const next = { ...mapping };
                        if (event.target.value) next[header] = event.target.value;
                        else delete next[header];
                        setMapping(next);
                        setDryRun(null);
                      }}
                    >
                      <option value="">{t("wizard.ignore")}</option>
                      {optionsFor(header).map((target) => (
                        <option key={target} value={target}>
                          {targetLabel(target)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-key`}>
              {worded("keyColumn")}
            </label>
            <p className="field__hint" id={`${id}-key-hint`}>
              {worded("keyHint")}
            </p>
            <select
              id={`${id}-key`}
              className="field__input"
              aria-describedby={`${id}-key-hint`}
              value={keyColumn}
              onChange={(event) => setKeyColumn(event.target.value)}
            >
              <option value="">—</option>
              {analysis.headers.filter(Boolean).map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
          {leftOut.length > 0 ? (
            // Said before the dry run, and read with its button: nothing is left out silently.
            <p className={styles.warning} id={`${id}-left-out`}>
              {t("wizard.leftOut", { count: leftOut.length, columns: leftOut.join(", ") })}
            </p>
          ) : null}
          <div className={styles.actions}>
            <button
              type="button"
              className="button"
              onClick={check}
              aria-describedby={leftOut.length > 0 ? `${id}-left-out` : undefined}
            >
              {pending && !dryRun ? t("wizard.busy") : t("wizard.dryRun")}
            </button>
          </div>
        </fieldset>
      ) : null}

      {dryRun ? (
        <fieldset className={styles.fieldset} disabled={pending}>
          <legend className={styles.legend}>{t("wizard.resultLegend")}</legend>
          <p role="status" ref={resultStart} tabIndex={-1}>
            {t("wizard.summary", {
              rows: dryRun.rowCount,
              new: dryRun.newCount,
              skipped: dryRun.skippedCount,
              errors: dryRun.errorCount,
            })}
          </p>
          {dryRun.errorCount > 0 ? <p>{t("wizard.fixErrors")}</p> : null}
          {dryRun.errorCount === 0 && dryRun.newCount === 0 ? <p>{t("wizard.nothingNew")}</p> : null}
          {dryRun.errorCount === 0 && !done ? (
            <div className={styles.actions}>
              <button type="button" className="button" onClick={commit}>
                {pending ? t("wizard.busy") : t("wizard.commit", { count: dryRun.newCount })}
              </button>
            </div>
          ) : null}
        </fieldset>
      ) : null}
    </Section>
  );
}
