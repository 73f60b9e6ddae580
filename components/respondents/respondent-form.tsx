"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { createRespondent, updateRespondent } from "@/lib/respondents/actions";
import { parseRegionToken, regionToken } from "@/lib/places/regions";
import {
  FIELD_LANGUAGES,
  GENDERS,
  isFieldLanguage,
  MEXICAN_STATES,
  RESPONDENT_TYPES,
} from "@/lib/respondents/constants";
import { ChoiceGroup } from "./choice-group";
import { respondentFailureMessages } from "./failure-messages";
import { IdentityFields, identityFromForm } from "./identity-fields";
import styles from "./respondents.module.css";
import { SelectField } from "./select-field";

export type RespondentFormValues = {
  type: string;
  gender: string;
  /** The region as one value: a Mexican state's name, or "GT:Quetzaltenango" (lib/places/regions.ts). */
  state: string;
  placeId: string | null;
  sectorId: string | null;
  language: string;
  atRiskGroupIds: string[];
};

type RespondentFormProps = {
  evaluationId: string;
  places: Array<{ id: string; countryCode: string | null; state: string; municipality: string | null }>;
  /** The evaluation's other countries, named in the reader's language; their regions come from `places`. */
  countries: Array<{ code: string; name: string }>;
  sectors: Array<{ id: string; name: string }>;
  /** The evaluation's at-risk groups, named in the reader's language. */
  atRiskGroups: Array<{ id: string; name: string }>;
  cancelHref: string;
} & ({ mode: "create" } | { mode: "edit"; respondentId: string; version: number; initial: RespondentFormValues });

/** Creates a respondent (attributes and, optionally, identity) or edits its attributes. */
export function RespondentForm(props: RespondentFormProps) {
  const t = useTranslations("respondents");
  const router = useRouter();
  const base = `/evaluations/${encodeURIComponent(props.evaluationId)}/respondents`;
  const options = { failureMessages: respondentFailureMessages, busyAfterSuccess: true };
  const create = useActionForm(createRespondent, {
    ...options,
    onSuccess: (data) => router.push(`${base}/${encodeURIComponent(data.id)}`),
  });
  const update = useActionForm(updateRespondent, {
    ...options,
    onSuccess: () => {
      if (props.mode !== "edit") return;
      router.push(`${base}/${encodeURIComponent(props.respondentId)}`);
      router.refresh();
    },
  });
  const form = props.mode === "create" ? create : update;
  const errorFor = (field: string) => form.fieldError(field);
  const initial = props.mode === "edit" ? props.initial : null;
  const [state, setState] = useState(initial?.state ?? "");
  const [placeId, setPlaceId] = useState(initial?.placeId ?? "");
  const placesInState = props.places.filter((place) => regionToken(place) === state && place.municipality);
  const language = initial?.language ?? "es";
  const languages = isFieldLanguage(language) ? FIELD_LANGUAGES : [...FIELD_LANGUAGES, language];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const attributes = {
      evaluationId: props.evaluationId,
      type: String(data.get("type") ?? ""),
      gender: String(data.get("gender") ?? ""),
      // The select's value carries the country of a region abroad: "GT:Quetzaltenango".
      ...(({ countryCode, state }) => ({ countryCode: countryCode ?? "", state }))(
        parseRegionToken(String(data.get("state") ?? "")),
      ),
      placeId: String(data.get("placeId") ?? ""),
      sectorId: String(data.get("sectorId") ?? ""),
      language: String(data.get("language") ?? ""),
      atRiskGroupIds: data.getAll("atRiskGroupIds").map(String),
    };
    if (props.mode === "create") void create.submit({ ...attributes, ...identityFromForm(data) });
    else void update.submit({ ...attributes, respondentId: props.respondentId, version: props.version });
  }

  const words =
    props.mode === "create"
      ? { submit: t("new.submit"), busy: t("new.submitting") }
      : { submit: t("edit.submit"), busy: t("edit.submitting") };
  return (
    <form
      method="post"
      ref={form.formRef}
      className="form"
      noValidate
      onSubmit={handleSubmit}
      aria-describedby="respondent-form-summary"
    >
      <FormError id="respondent-form-summary" message={form.formError} ref={form.messageRef} />
      <div className={styles.grid}>
        <SelectField
          id="respondent-type"
          name="type"
          label={t("fields.type")}
          required
          defaultValue={initial?.type ?? ""}
          error={errorFor("type")}
        >
          <option value="">{t("fields.choose")}</option>
          {RESPONDENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="respondent-gender"
          name="gender"
          label={t("fields.gender")}
          required
          defaultValue={initial?.gender ?? ""}
          error={errorFor("gender")}
        >
          <option value="">{t("fields.choose")}</option>
          {GENDERS.map((gender) => (
            <option key={gender} value={gender}>
              {t(`genders.${gender}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="respondent-state"
          name="state"
          label={t("fields.state")}
          required
          value={state}
          onChange={(event) => {
            setState(event.target.value);
            setPlaceId("");
          }}
          error={errorFor("state")}
        >
          <option value="">{t("fields.choose")}</option>
          {props.countries.length > 0 ? (
            <optgroup label={t("fields.mexico")}>
              {MEXICAN_STATES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </optgroup>
          ) : (
            MEXICAN_STATES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))
          )}
          {props.countries.map((country) => (
            <optgroup key={country.code} label={country.name}>
              {props.places
                .filter((place) => place.countryCode === country.code && !place.municipality)
                .map((region) => (
                  <option key={region.id} value={regionToken(region)}>
                    {region.state}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          id="respondent-place"
          name="placeId"
          label={t("fields.place")}
          hint={t("fields.placeHint")}
          value={placeId}
          onChange={(event) => setPlaceId(event.target.value)}
          error={errorFor("placeId")}
        >
          <option value="">{t("fields.placeNone")}</option>
          {placesInState.map((place) => (
            <option key={place.id} value={place.id}>
              {place.municipality}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="respondent-sector"
          name="sectorId"
          label={t("fields.sector")}
          defaultValue={initial?.sectorId ?? ""}
          error={errorFor("sectorId")}
        >
          <option value="">{t("fields.sectorNone")}</option>
          {props.sectors.map((sector) => (
            <option key={sector.id} value={sector.id}>
              {sector.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="respondent-language"
          name="language"
          label={t("fields.language")}
          required
          defaultValue={language}
          error={errorFor("language")}
        >
          {languages.map((code) => (
            <option key={code} value={code}>
              {isFieldLanguage(code) ? t(`languages.${code}`) : t("languages.other", { code })}
            </option>
          ))}
        </SelectField>
      </div>
      {props.atRiskGroups.length > 0 ? (
        <ChoiceGroup
          id="respondent-at-risk"
          name="atRiskGroupIds"
          type="checkbox"
          legend={t("fields.atRiskGroups")}
          hint={t("fields.atRiskGroupsHint")}
          choices={props.atRiskGroups.map((group) => ({ value: group.id, label: group.name }))}
          defaultValues={initial?.atRiskGroupIds ?? []}
          error={errorFor("atRiskGroupIds")}
        />
      ) : null}
      {props.mode === "create" ? (
        <fieldset className={styles.group}>
          <legend>{t("identity.legend")}</legend>
          <p className="field__hint">{t("identity.intro")}</p>
          <IdentityFields idPrefix="respondent-identity" errorFor={errorFor} />
        </fieldset>
      ) : null}
      <div className="actions">
        <Button type="submit" busy={form.busy} busyLabel={words.busy}>
          {words.submit}
        </Button>
        <Link href={props.cancelHref}>{t("edit.cancel")}</Link>
      </div>
    </form>
  );
}
