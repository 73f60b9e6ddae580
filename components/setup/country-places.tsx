"use client";

import { useTranslations } from "next-intl";
import { useLocale } from "@/lib/i18n/use-locale";
import { useState } from "react";
import { FormSection } from "@/components/ui/action-form";
import { ListSection } from "@/components/ui/list-section";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { addCountry, addPlace, addRegion, removeCountry, removePlace } from "@/lib/places/actions";
import { countryName } from "@/lib/places/countries";
import type { CountryPlaces as Country } from "@/lib/places/data";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import { COUNTRY_NAME_MAX, PLACE_NAME_MAX, REGION_CODE_MAX } from "@/lib/places/types";
import { setupFailureMessages } from "./failure-messages";
import { PlaceNameFields, PlaceRows, RemovePlaceButton } from "./place-parts";
import { useSavedStatus } from "./use-saved-status";
import styles from "./setup.module.css";

type Props = { evaluationId: string; countries: Country[] };

/** A country's name in each language of the interface, both required. */
const COUNTRY_NAMES = [
  { key: "nameEs", id: "country-name-es", label: "countryNameEs", lang: "es" },
  { key: "nameEn", id: "country-name-en", label: "countryNameEn", lang: "en" },
] as const;

/** Countries other than Mexico: each with the regions the team names and the places under them. */
export function CountryPlaces({ evaluationId, countries }: Props) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  const locale = useLocale();
  const saved = useSavedStatus();
  const [country, setCountry] = useState({ code: "", nameEs: "", nameEn: "" });
  const [region, setRegion] = useState({ countryCode: "", name: "", code: "" });
  const [place, setPlace] = useState({ region: "", municipality: "", community: "" });
  const common = { failureMessages: setupFailureMessages, onStart: saved.clear };
  const countryForm = useActionForm(addCountry, {
    ...common,
    focus: [
      ["code", "country-code"],
      ["nameEs", "country-name-es"],
      ["nameEn", "country-name-en"],
    ],
    onSuccess: () => (setCountry({ code: "", nameEs: "", nameEn: "" }), saved.done()),
  });
  const regionForm = useActionForm(addRegion, {
    ...common,
    focus: [
      ["countryCode", "region-country"],
      ["name", "region-name"],
      ["code", "region-code"],
    ],
    onSuccess: () => (setRegion((current) => ({ ...current, name: "", code: "" })), saved.done()),
  });
  const placeForm = useActionForm(addPlace, {
    ...common,
    focus: [
      ["state", "abroad-region"],
      ["municipality", "abroad-municipality"],
      ["community", "abroad-community"],
    ],
    onSuccess: () => (setPlace((current) => ({ ...current, municipality: "", community: "" })), saved.done()),
  });
  const remove = useActionForm(removePlace, saved.rowAction);
  const removeWhole = useActionForm(removeCountry, saved.rowAction);
  const nameOf = (entry: { nameEs: string; nameEn: string }) => (locale === "es" ? entry.nameEs : entry.nameEn);
  const required = { required: true, requiredLabel: tSetup("required") };

  /** A known code fills in the names the lead has not written yet. */
  function changeCode(code: string) {
    const upper = code.toUpperCase();
    setCountry((current) => ({
      code,
      nameEs: current.nameEs || (countryName(upper, "es") ?? ""),
      nameEn: current.nameEn || (countryName(upper, "en") ?? ""),
    }));
  }

  const submitCountry = countryForm.handleSubmit(() => {
    saved.announce(t("addedStatus", { name: country.nameEs || country.code }));
    return { evaluationId, ...country };
  });

  const submitRegion = regionForm.handleSubmit(() => {
    saved.announce(t("addedStatus", { name: region.name }));
    return { evaluationId, countryCode: region.countryCode, name: region.name, code: region.code };
  });

  const submitPlace = placeForm.handleSubmit(() => {
    const { countryCode, state } = parseRegionToken(place.region);
    saved.announce(t("addedStatus", { name: place.community || place.municipality }));
    return {
      evaluationId,
      countryCode: countryCode ?? "",
      state,
      municipality: place.municipality,
      community: place.community,
    };
  });

  function removeOne(placeId: string, name: string) {
    saved.run(remove, { evaluationId, placeId }, t("removedStatus", { name }));
  }

  const countryOptions = countries.map((entry) => ({ value: entry.code, label: `${nameOf(entry)} (${entry.code})` }));
  const regionGroups = countries
    .filter((entry) => entry.regions.length > 0)
    .map((entry) => ({
      label: nameOf(entry),
      options: entry.regions.map((row) => ({
        value: regionToken({ countryCode: entry.code, state: row.state }),
        label: row.state,
      })),
    }));

  return (
    <>
      <ListSection
        titleId="countries-title"
        title={t("countriesTitle")}
        intro={<p className="muted">{t("countriesIntro")}</p>}
        status={saved.status}
        error={remove.formError ?? removeWhole.formError}
        empty={countries.length === 0 ? t("noCountries") : null}
      >
        <ul className={styles.domains}>
          {countries.map((entry) => (
            <li key={entry.code} className={styles.domain}>
              <h3 className={styles.domainHeading}>{t("countryHeading", { name: nameOf(entry), code: entry.code })}</h3>
              {!entry.inUse ? (
                <div className="row-actions">
                  <RemovePlaceButton
                    name={nameOf(entry)}
                    busy={removeWhole.busy}
                    onConfirm={() => {
                      saved.run(
                        removeWhole,
                        { evaluationId, code: entry.code },
                        t("removedStatus", { name: nameOf(entry) }),
                      );
                    }}
                  />
                </div>
              ) : null}
              <ul className="plain-list">
                {entry.regions.map((row) => (
                  <li key={row.id}>
                    <span className="plain-list__label">{row.state}</span>{" "}
                    {row.regionCode ? (
                      <span className="muted">{t("regionCodeShown", { code: row.regionCode })}</span>
                    ) : null}{" "}
                    {row.inUse ? <span className="tag">{t("inUse")}</span> : null}{" "}
                    {!row.inUse && row.places.length === 0 ? (
                      <RemovePlaceButton
                        name={row.state}
                        busy={remove.busy}
                        onConfirm={() => removeOne(row.id, row.state)}
                      />
                    ) : null}
                    {row.places.length > 0 ? (
                      <PlaceRows
                        places={row.places}
                        busy={remove.busy}
                        onRemove={(under, name) => removeOne(under.id, name)}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </ListSection>

      <FormSection
        id="country-new"
        title={t("addCountryTitle")}
        form={countryForm}
        onSubmit={submitCountry}
        submitLabel={t("addCountry")}
        busyLabel={t("saving")}
      >
        <Field
          id="country-code"
          label={t("countryCode")}
          hint={t("countryCodeHint")}
          value={country.code}
          onValueChange={changeCode}
          maxLength={2}
          error={countryForm.fieldError("code")}
          {...required}
        />
        {COUNTRY_NAMES.map(({ key, id, label, lang }) => (
          <Field
            key={key}
            id={id}
            label={t(label)}
            lang={lang}
            value={country[key]}
            onValueChange={(name) => setCountry((current) => ({ ...current, [key]: name }))}
            maxLength={COUNTRY_NAME_MAX}
            error={countryForm.fieldError(key)}
            {...required}
          />
        ))}
      </FormSection>

      {countries.length > 0 ? (
        <FormSection
          id="region-new"
          title={t("addRegionTitle")}
          form={regionForm}
          onSubmit={submitRegion}
          submitLabel={t("addRegion")}
          busyLabel={t("saving")}
        >
          <SelectField
            id="region-country"
            label={t("country")}
            value={region.countryCode}
            onValueChange={(countryCode) => setRegion((current) => ({ ...current, countryCode }))}
            placeholder={t("chooseCountry")}
            options={countryOptions}
            error={regionForm.fieldError("countryCode")}
            {...required}
          />
          <Field
            id="region-name"
            label={t("regionName")}
            hint={t("regionNameHint")}
            value={region.name}
            onValueChange={(name) => setRegion((current) => ({ ...current, name }))}
            maxLength={PLACE_NAME_MAX}
            error={regionForm.fieldError("name")}
            {...required}
          />
          <Field
            id="region-code"
            label={t("regionCode")}
            hint={t("regionCodeHint")}
            value={region.code}
            onValueChange={(code) => setRegion((current) => ({ ...current, code }))}
            maxLength={REGION_CODE_MAX}
            error={regionForm.fieldError("code")}
          />
        </FormSection>
      ) : null}

      {regionGroups.length > 0 ? (
        <FormSection
          id="abroad-new"
          title={t("addPlaceAbroadTitle")}
          form={placeForm}
          onSubmit={submitPlace}
          submitLabel={t("addPlace")}
          busyLabel={t("saving")}
        >
          <SelectField
            id="abroad-region"
            label={t("region")}
            value={place.region}
            onValueChange={(value) => setPlace((current) => ({ ...current, region: value }))}
            placeholder={t("chooseRegion")}
            groups={regionGroups}
            error={placeForm.fieldError("state") ?? placeForm.fieldError("countryCode")}
            {...required}
          />
          <PlaceNameFields
            prefix="abroad"
            place={place}
            onChange={(next) => setPlace((current) => ({ ...current, ...next }))}
            error={placeForm.fieldError}
          />
        </FormSection>
      ) : null}
    </>
  );
}
