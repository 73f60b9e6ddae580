/** The respondents table's columns and cells (server side). Codes and traits only, never identity. */
import { evaluationPath } from "@/lib/evaluations/paths";
import type { RespondentListPage } from "@/lib/respondents/list";
import { respondentListSpec } from "@/lib/tables/lists";
import type { DataTableColumn, DataTableRow } from "../types";
import { day, languageName, text, type PresentContext } from "./format";

export function respondentColumns(context: PresentContext): DataTableColumn[] {
  return respondentListSpec.columns.map((id) => ({
    id,
    header: context.t(`respondents.columns.${id}`),
    sortable: (respondentListSpec.sortable as readonly string[]).includes(id),
    hideable: !(respondentListSpec.requiredColumns as readonly string[]).includes(id),
    descFirst: id === "updatedAt",
  }));
}

export function respondentRows(page: RespondentListPage, context: PresentContext): DataTableRow[] {
  const { t, format, locale, evaluationId } = context;
  const dateText = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  return page.rows.map((row) => ({
    id: row.id,
    cells: {
      code: {
        kind: "link",
        href: evaluationPath(evaluationId, "respondents", row.id),
        text: row.code,
        marker: row.excluded ? t("respondents.excluded") : undefined,
      },
      type: text(t(`respondentType.${row.type}`)),
      gender: text(t(`gender.${row.gender}`)),
      state: text(row.state),
      sector: text(locale === "es" ? row.sectorEs : row.sectorEn),
      language: text(languageName(row.language, locale)),
      atRiskGroups: {
        kind: "list",
        items: row.atRiskGroups.map((group) => (locale === "es" ? group.nameEs : group.nameEn)),
      },
      consent: text(
        row.consentWithdrawnOn && row.withdrawalChoice
          ? t("respondents.consentWithdrawn", {
              date: dateText(row.consentWithdrawnOn),
              choice: t(`withdrawalChoice.${row.withdrawalChoice}`),
            })
          : row.consentGivenOn
            ? t("respondents.consentGiven", { date: dateText(row.consentGivenOn) })
            : t("respondents.noConsent"),
      ),
      updatedAt: day(row.updatedAt, format),
    },
  }));
}
