/**
 * The dashboard's filters: a GET form (the URL holds them, so a filtered dashboard is a link), the
 * same form the lists use. Server side; only the form's submit handler runs in the browser.
 */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/data-table/filter-form";
import { DateFilter, SelectFilter } from "@/components/data-table/filter-fields";
import type { DashboardView } from "@/lib/dashboard/loaders";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { ChangeType } from "@/lib/generated/prisma/enums";
import { MEXICO_STATES } from "@/lib/places/catalogue";

type Props = { action: string; filters: DashboardFilters; choices: DashboardView["choices"] };

export async function DashboardFilterForm({ action, filters, choices }: Props) {
  const [t, changeTypes, locale] = await Promise.all([
    getTranslations("dashboard.filters"),
    getTranslations("tables.changeType"),
    getLocale(),
  ]);
  const collator = new Intl.Collator(locale);
  const states = MEXICO_STATES.map((state) => state.name).sort(collator.compare);
  return (
    <FilterForm key={JSON.stringify(filters)} id="dashboard-filters" action={action} label={t("label")} defaults={{}}>
      <SelectFilter
        id="dashboard-domain"
        name="domain"
        label={t("domain")}
        value={filters.domain}
        anyLabel={t("any")}
        options={choices.domains.map((domain) => ({
          value: domain.id,
          label: locale === "es" ? domain.nameEs : domain.nameEn,
        }))}
      />
      <SelectFilter
        id="dashboard-state"
        name="state"
        label={t("state")}
        value={filters.state}
        anyLabel={t("any")}
        options={[
          ...states.map((name) => ({ value: name, label: name })),
          ...choices.regionsAbroad.map((region) => ({
            value: region.value,
            label: `${region.name} (${locale === "es" ? region.countryEs : region.countryEn})`,
          })),
        ]}
      />
      <SelectFilter
        id="dashboard-project"
        name="project"
        label={t("project")}
        value={filters.project}
        anyLabel={t("any")}
        options={choices.projects.map((project) => ({
          value: project.id,
          label: `${project.acronym}: ${project.name}`,
        }))}
      />
      <DateFilter id="dashboard-from" name="from" label={t("from")} value={filters.from} />
      <DateFilter id="dashboard-to" name="to" label={t("to")} value={filters.to} />
      <SelectFilter
        id="dashboard-change-type"
        name="changeType"
        label={t("changeType")}
        value={filters.changeType}
        anyLabel={t("any")}
        options={Object.values(ChangeType).map((value) => ({ value, label: changeTypes(value) }))}
      />
      <div className="filters__actions">
        <button type="submit" id="dashboard-filters-apply" className="button button--primary">
          {t("apply")}
        </button>
        <Link href={action}>{t("clear")}</Link>
      </div>
      <p className="muted filters__hint">{t("hint")}</p>
    </FilterForm>
  );
}
