import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { localized } from "@/lib/evaluations/format";
import type { RespondentFormOptions } from "@/lib/respondents/data";
import { RespondentBreadcrumbs } from "./breadcrumbs";

/** The heading of a page about respondents, under the way back to the evaluation and the list. */
export function RespondentPageHeader({
  evaluationId,
  evaluationName,
  respondent,
  title,
  description,
}: {
  evaluationId: string;
  evaluationName: string;
  respondent?: { id: string; code: string };
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <PageHeader
      before={
        <RespondentBreadcrumbs evaluationId={evaluationId} evaluationName={evaluationName} respondent={respondent} />
      }
      title={title}
      description={description}
    />
  );
}

/** What the respondent form offers to choose from, named in the reader's language. */
export function respondentFormChoices(options: RespondentFormOptions, locale: string) {
  return {
    places: options.places,
    countries: options.countries.map((country) => ({ code: country.code, name: localized(country, locale) })),
    sectors: options.sectors.map((sector) => ({ id: sector.id, name: localized(sector, locale) })),
    atRiskGroups: options.atRiskGroups.map((group) => ({ id: group.id, name: localized(group, locale) })),
  };
}
