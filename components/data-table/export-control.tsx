/**
 * "Download CSV" / "Download XLSX" under a list: a plain GET form (no JavaScript needed) that
 * carries the list's current query to the export door, with the level and the kind of values.
 * The identified level is offered only to members who may take identities, and only where the
 * table has any (respondents; stories, whose storytellers sheet names them); the server checks both again.
 */
import { getTranslations } from "next-intl/server";
import { EXPORT_PARAMS, type ExportLevel, type ExportTableName } from "@/lib/exports/levels";
import { SelectFilter } from "./filter-fields";
import { evaluationApiPath } from "@/lib/evaluations/paths";

type ExportControlProps = {
  evaluationId: string;
  table: ExportTableName;
  /** The list's URL query as the page received it. */
  query: Record<string, string | string[] | undefined>;
  offerIdentified: boolean;
};

/** The list's own parameters; the page number is left out because every page is exported. */
function carriedParams(query: ExportControlProps["query"]): Array<[string, string]> {
  const skipped = new Set<string>(["page", "size", ...EXPORT_PARAMS]);
  return Object.entries(query).flatMap(([key, value]) =>
    skipped.has(key) || value === undefined
      ? []
      : (Array.isArray(value) ? value : [value])
          .filter((item) => item !== "")
          .map((item): [string, string] => [key, item]),
  );
}

export async function ExportControl({ evaluationId, table, query, offerIdentified }: ExportControlProps) {
  const t = await getTranslations("exports.control");
  const base = evaluationApiPath(evaluationId, "exports", table);
  const levels: ExportLevel[] = offerIdentified
    ? ["limited", "deidentified", "identified"]
    : ["limited", "deidentified"];
  const id = `${table}-export`;
  // The stories' XLSX is a workbook of several sheets; its CSV files come as one zip.
  const workbook = table === "stories";
  return (
    <form
      id={id}
      method="get"
      action={`${base}.csv`}
      className="filters"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-hint`}
    >
      <div className="field">
        <h2 id={`${id}-title`} className="field__label">
          {t("label")}
        </h2>
        <p id={`${id}-hint`} className="field__hint">
          {t("hint")}
        </p>
      </div>
      {carriedParams(query).map(([key, value], index) => (
        <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
      ))}
      <SelectFilter
        id={`${id}-level`}
        name="level"
        label={t("level")}
        value="limited"
        options={levels.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
      />
      <SelectFilter
        id={`${id}-labels`}
        name="labels"
        label={t("labels")}
        value="labelled"
        options={[
          { value: "labelled", label: t("labelled") },
          { value: "raw", label: t("raw") },
        ]}
      />
      {workbook ? (
        <p id={`${id}-zip-hint`} className="field__hint">
          {t("zipHint")}
        </p>
      ) : null}
      <div className="filters__actions">
        <button type="submit" id={`${id}-csv`} formAction={`${base}.csv`} className="button button--secondary">
          {t("csv")}
        </button>
        <button type="submit" id={`${id}-xlsx`} formAction={`${base}.xlsx`} className="button button--secondary">
          {t("xlsx")}
        </button>
        {workbook ? (
          <button
            type="submit"
            id={`${id}-zip`}
            formAction={`${base}.zip`}
            className="button button--secondary"
            aria-describedby={`${id}-zip-hint`}
          >
            {t("zip")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
