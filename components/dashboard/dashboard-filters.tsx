/**
 * The dashboard's filters: a GET form (the URL holds them, so a filtered dashboard is a link), the
 * same form the lists use. Server side; only the form's submit handler runs in the browser.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getLocale } from "@/lib/i18n/locale";
import { FilterForm } from "@/components/data-table/filter-form";
import { DateFilter, SelectFilter, type Option } from "@/components/data-table/filter-fields";
import type { DashboardView } from "@/lib/dashboard/loaders";
import type { DashboardFilters } from "@/lib/dashboard/schema";
import { ChangeType } from "@/lib/generated/prisma/enums";
import { MEXICO_STATES } from "@/lib/places/catalogue";

/** The id of each field under "dashboard-", as the page has always named them. */
const ID_PARTS = {
  domain: "domain",
  state: "state",
  project: "project",
  from: "from",
  to: "to",
  changeType: "change-type",
} as const;

type Props = { action: string; filters: DashboardFilters; choices: DashboardView["choices"] };

export async function DashboardFilterForm({ action, filters, choices }: Props) {
  const [t, changeTypes, locale] = await Promise.all([
    getTranslations("dashboard.filters"),
    getTranslations("tables.changeType"),
    getLocale(),
  ]);
  const collator = new Intl.Collator(locale);
  const states = MEXICO_STATES.map((state) => state.name).sort(collator.compare);
  const named = (entry: { nameEs: string; nameEn: string }) => (locale === "es" ? entry.nameEs : entry.nameEn);
  // In the form's order; a field without options is a day.
  const fields: Array<{ name: keyof DashboardFilters & keyof typeof ID_PARTS; options?: Option[] }> = [
    { name: "domain", options: choices.domains.map((domain) => ({ value: domain.id, label: named(domain) })) },
    {
      name: "state",
      options: [
        ...states.map((name) => ({ value: name, label: name })),
        ...choices.regionsAbroad.map((region) => ({
          value: region.value,
          label: `${region.name} (${locale === "es" ? region.countryEs : region.countryEn})`,
        })),
      ],
    },
    {
      name: "project",
      options: choices.projects.map((project) => ({ value: project.id, label: `${project.acronym}: ${project.name}` })),
    },
    { name: "from" },
    { name: "to" },
    {
      name: "changeType",
      options: Object.values(ChangeType).map((value) => ({ value, label: changeTypes(value) })),
    },
  ];
  return (
    <FilterForm key={JSON.stringify(filters)} id="dashboard-filters" action={action} label={t("label")} defaults={{}}>
      {fields.map(({ name, options }) => {
        const field = { id: `dashboard-${ID_PARTS[name]}`, name, label: t(name), value: filters[name] };
        return options ? (
          <SelectFilter key={name} {...field} anyLabel={t("any")} options={options} />
        ) : (
          <DateFilter key={name} {...field} />
        );
      })}
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
