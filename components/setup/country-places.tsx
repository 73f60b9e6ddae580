"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { ActionError, FormError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { addCountry, addPlace, addRegion, removeCountry, removePlace } from "@/lib/places/actions";
import { countryName } from "@/lib/places/countries";
import type { CountryPlaces as Country } from "@/lib/places/data";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import { COUNTRY_NAME_MAX, PLACE_NAME_MAX, REGION_CODE_MAX } from "@/lib/places/types";
import { setupFailureMessages } from "./failure-messages";
import styles from "./setup.module.css";

type Props = { evaluationId: string; countries: Country[] };

/** Countries other than Mexico: each with the regions the team names and the places under them. */
export function CountryPlaces({ evaluationId, countries }: Props) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  const locale = useLocale();
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [country, setCountry] = useState({ code: "", nameEs: "", nameEn: "" });
  const [region, setRegion] = useState({ countryCode: "", name: "", code: "" });
  const [place, setPlace] = useState({ region: "", municipality: "", community: "" });
  const success = useRef("");
  const done = () => {
    setStatus(success.current);
    router.refresh();
  };
  const common = { failureMessages: setupFailureMessages, onStart: () => setStatus(null) };
  const countryForm = useActionForm(addCountry, {
    ...common,
    focus: [
      ["code", "country-code"],
      ["nameEs", "country-name-es"],
      ["nameEn", "country-name-en"],
    ],
    onSuccess: () => (setCountry({ code: "", nameEs: "", nameEn: "" }), done()),
  });
  const regionForm = useActionForm(addRegion, {
    ...common,
    focus: [
      ["countryCode", "region-country"],
      ["name", "region-name"],
      ["code", "region-code"],
    ],
    onSuccess: () => (setRegion((current) => ({ ...current, name: "", code: "" })), done()),
  });
  const placeForm = useActionForm(addPlace, {
    ...common,
    focus: [
      ["state", "abroad-region"],
      ["municipality", "abroad-municipality"],
      ["community", "abroad-community"],
    ],
    onSuccess: () => (setPlace((current) => ({ ...current, municipality: "", community: "" })), done()),
  });
  const remove = useActionForm(removePlace, {
    ...common,
    clearOnStart: true,
    onSuccess: done,
    onFailure: () => router.refresh(),
  });
  const removeWhole = useActionForm(removeCountry, {
    ...common,
    clearOnStart: true,
    onSuccess: done,
    onFailure: () => router.refresh(),
  });
  const nameOf = (entry: { nameEs: string; nameEn: string }) => (locale === "es" ? entry.nameEs : entry.nameEn);

  /** A known code fills in the names the lead has not written yet. */
  function changeCode(code: string) {
    const upper = code.toUpperCase();
    setCountry((current) => ({
      code,
      nameEs: current.nameEs || (countryName(upper, "es") ?? ""),
      nameEn: current.nameEn || (countryName(upper, "en") ?? ""),
    }));
  }

  function submitCountry(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    success.current = t("addedStatus", { name: country.nameEs || country.code });
    void countryForm.submit({ evaluationId, ...country });
  }

  function submitRegion(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    success.current = t("addedStatus", { name: region.name });
    void regionForm.submit({ evaluationId, countryCode: region.countryCode, name: region.name, code: region.code });
  }

  function submitPlace(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { countryCode, state } = parseRegionToken(place.region);
    success.current = t("addedStatus", { name: place.community || place.municipality });
    void placeForm.submit({
      evaluationId,
      countryCode: countryCode ?? "",
      state,
      municipality: place.municipality,
      community: place.community,
    });
  }

  function removeButton(label: string, onConfirm: () => void, busy: boolean) {
    return (
      <ConfirmButton
        label={t("remove", { name: label })}
        confirmLabel={t("confirmRemove", { name: label })}
        cancelLabel={tSetup("cancel")}
        busy={busy}
        onConfirm={onConfirm}
      />
    );
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
      <section className="section" aria-labelledby="countries-title">
        <h2 id="countries-title">{t("countriesTitle")}</h2>
        <p className="muted">{t("countriesIntro")}</p>
        <p role="status" className="muted">
          {status}
        </p>
        <ActionError message={remove.formError ?? removeWhole.formError} />
        {countries.length === 0 ? <p className="empty-state">{t("noCountries")}</p> : null}
        <ul className={styles.domains}>
          {countries.map((entry) => (
            <li key={entry.code} className={styles.domain}>
              <h3 className={styles.domainHeading}>{t("countryHeading", { name: nameOf(entry), code: entry.code })}</h3>
              {!entry.inUse ? (
                <div className="row-actions">
                  {removeButton(
                    nameOf(entry),
                    () => (
                      (success.current = t("removedStatus", { name: nameOf(entry) })),
                      void removeWhole.submit({ evaluationId, code: entry.code })
                    ),
                    removeWhole.busy,
                  )}
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
                    {!row.inUse && row.places.length === 0
                      ? removeButton(
                          row.state,
                          () => (
                            (success.current = t("removedStatus", { name: row.state })),
                            void remove.submit({ evaluationId, placeId: row.id })
                          ),
                          remove.busy,
                        )
                      : null}
                    {row.places.length > 0 ? (
                      <ul className="plain-list">
                        {row.places.map((under) => {
                          const name = under.community
                            ? `${under.municipality} · ${under.community}`
                            : under.municipality!;
                          const hasUnder =
                            !under.community &&
                            row.places.some((other) => other.municipality === under.municipality && other.community);
                          return (
                            <li key={under.id}>
                              <span className="plain-list__label">{name}</span>{" "}
                              {under.inUse ? <span className="tag">{t("inUse")}</span> : null}{" "}
                              {!under.inUse && !hasUnder
                                ? removeButton(
                                    name,
                                    () => (
                                      (success.current = t("removedStatus", { name })),
                                      void remove.submit({ evaluationId, placeId: under.id })
                                    ),
                                    remove.busy,
                                  )
                                : null}
                            </li>
                          );
                        })}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="country-new-title">
        <form
          method="post"
          className="form"
          noValidate
          onSubmit={submitCountry}
          aria-labelledby="country-new-title"
          aria-describedby="country-new-error"
        >
          <h2 id="country-new-title">{t("addCountryTitle")}</h2>
          <FormError id="country-new-error" message={countryForm.formError} />
          <Field
            id="country-code"
            label={t("countryCode")}
            hint={t("countryCodeHint")}
            value={country.code}
            onValueChange={changeCode}
            maxLength={2}
            error={countryForm.fieldError("code")}
            required
            requiredLabel={tSetup("required")}
          />
          <Field
            id="country-name-es"
            label={t("countryNameEs")}
            lang="es"
            value={country.nameEs}
            onValueChange={(nameEs) => setCountry((current) => ({ ...current, nameEs }))}
            maxLength={COUNTRY_NAME_MAX}
            error={countryForm.fieldError("nameEs")}
            required
            requiredLabel={tSetup("required")}
          />
          <Field
            id="country-name-en"
            label={t("countryNameEn")}
            lang="en"
            value={country.nameEn}
            onValueChange={(nameEn) => setCountry((current) => ({ ...current, nameEn }))}
            maxLength={COUNTRY_NAME_MAX}
            error={countryForm.fieldError("nameEn")}
            required
            requiredLabel={tSetup("required")}
          />
          <div className="actions">
            <Button type="submit" busy={countryForm.busy} busyLabel={t("saving")}>
              {t("addCountry")}
            </Button>
          </div>
        </form>
      </section>

      {countries.length > 0 ? (
        <section className="section" aria-labelledby="region-new-title">
          <form
            method="post"
            className="form"
            noValidate
            onSubmit={submitRegion}
            aria-labelledby="region-new-title"
            aria-describedby="region-new-error"
          >
            <h2 id="region-new-title">{t("addRegionTitle")}</h2>
            <FormError id="region-new-error" message={regionForm.formError} />
            <SelectField
              id="region-country"
              label={t("country")}
              value={region.countryCode}
              onValueChange={(countryCode) => setRegion((current) => ({ ...current, countryCode }))}
              placeholder={t("chooseCountry")}
              options={countryOptions}
              error={regionForm.fieldError("countryCode")}
              required
              requiredLabel={tSetup("required")}
            />
            <Field
              id="region-name"
              label={t("regionName")}
              hint={t("regionNameHint")}
              value={region.name}
              onValueChange={(name) => setRegion((current) => ({ ...current, name }))}
              maxLength={PLACE_NAME_MAX}
              error={regionForm.fieldError("name")}
              required
              requiredLabel={tSetup("required")}
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
            <div className="actions">
              <Button type="submit" busy={regionForm.busy} busyLabel={t("saving")}>
                {t("addRegion")}
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      {regionGroups.length > 0 ? (
        <section className="section" aria-labelledby="abroad-new-title">
          <form
            method="post"
            className="form"
            noValidate
            onSubmit={submitPlace}
            aria-labelledby="abroad-new-title"
            aria-describedby="abroad-new-error"
          >
            <h2 id="abroad-new-title">{t("addPlaceAbroadTitle")}</h2>
            <FormError id="abroad-new-error" message={placeForm.formError} />
            <SelectField
              id="abroad-region"
              label={t("region")}
              value={place.region}
              onValueChange={(value) => setPlace((current) => ({ ...current, region: value }))}
              placeholder={t("chooseRegion")}
              groups={regionGroups}
              error={placeForm.fieldError("state") ?? placeForm.fieldError("countryCode")}
              required
              requiredLabel={tSetup("required")}
            />
            <Field
              id="abroad-municipality"
              label={t("municipality")}
              value={place.municipality}
              onValueChange={(municipality) => setPlace((current) => ({ ...current, municipality }))}
              maxLength={PLACE_NAME_MAX}
              error={placeForm.fieldError("municipality")}
              required
              requiredLabel={tSetup("required")}
            />
            <Field
              id="abroad-community"
              label={t("community")}
              hint={t("communityHint")}
              value={place.community}
              onValueChange={(community) => setPlace((current) => ({ ...current, community }))}
              maxLength={PLACE_NAME_MAX}
              error={placeForm.fieldError("community")}
            />
            <div className="actions">
              <Button type="submit" busy={placeForm.busy} busyLabel={t("saving")}>
                {t("addPlace")}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
