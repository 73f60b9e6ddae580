"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { formChoices, formText } from "@/components/ui/form-data";
import { SubmitButton } from "@/components/ui/submit-button";
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
import { evaluationPath } from "@/lib/evaluations/paths";

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
  const base = evaluationPath(props.evaluationId, "respondents");
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

  /** What both actions take from the form's fields. */
  const attributesOf = (data: FormData) => ({
    evaluationId: props.evaluationId,
    type: formText(data, "type"),
    gender: formText(data, "gender"),
    // The select's value carries the country of a region abroad: "GT:Quetzaltenango".
    ...(({ countryCode, state }) => ({ countryCode: countryCode ?? "", state }))(
      parseRegionToken(formText(data, "state")),
    ),
    placeId: formText(data, "placeId"),
    sectorId: formText(data, "sectorId"),
    language: formText(data, "language"),
    atRiskGroupIds: formChoices(data, "atRiskGroupIds"),
  });
  const handleSubmit =
    props.mode === "create"
      ? create.handleSubmit((data) => ({ ...attributesOf(data), ...identityFromForm(data) }))
      : update.handleSubmit((data) => ({
          ...attributesOf(data),
          respondentId: props.respondentId,
          version: props.version,
        }));

  const words =
    props.mode === "create"
      ? { submit: t("new.submit"), busy: t("new.submitting") }
      : { submit: t("edit.submit"), busy: t("edit.submitting") };
  const choose = { placeholder: t("fields.choose"), required: true };
  const mexicanStates = MEXICAN_STATES.map((name) => ({ value: name, label: name }));
  const regionGroups = props.countries.map((country) => ({
    label: country.name,
    options: props.places
      .filter((place) => place.countryCode === country.code && !place.municipality)
      .map((region) => ({ value: regionToken(region), label: region.state })),
  }));
  return (
    <ActionForm form={form} messageId="respondent-form-summary" onSubmit={handleSubmit}>
      <div className={styles.grid}>
        <SelectField
          id="respondent-type"
          name="type"
          label={t("fields.type")}
          {...choose}
          defaultValue={initial?.type ?? ""}
          error={errorFor("type")}
          options={RESPONDENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        />
        <SelectField
          id="respondent-gender"
          name="gender"
          label={t("fields.gender")}
          {...choose}
          defaultValue={initial?.gender ?? ""}
          error={errorFor("gender")}
          options={GENDERS.map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))}
        />
        {/* With other countries, Mexico's states stand under their own heading beside the regions abroad. */}
        <SelectField
          id="respondent-state"
          name="state"
          label={t("fields.state")}
          {...choose}
          value={state}
          onValueChange={(value) => {
            setState(value);
            setPlaceId("");
          }}
          error={errorFor("state")}
          options={props.countries.length > 0 ? [] : mexicanStates}
          groups={
            props.countries.length > 0 ? [{ label: t("fields.mexico"), options: mexicanStates }, ...regionGroups] : []
          }
        />
        <SelectField
          id="respondent-place"
          name="placeId"
          label={t("fields.place")}
          hint={t("fields.placeHint")}
          value={placeId}
          onValueChange={setPlaceId}
          error={errorFor("placeId")}
          placeholder={t("fields.placeNone")}
          options={placesInState.map((place) => ({ value: place.id, label: place.municipality ?? "" }))}
        />
        <SelectField
          id="respondent-sector"
          name="sectorId"
          label={t("fields.sector")}
          defaultValue={initial?.sectorId ?? ""}
          error={errorFor("sectorId")}
          placeholder={t("fields.sectorNone")}
          options={props.sectors.map((sector) => ({ value: sector.id, label: sector.name }))}
        />
        <SelectField
          id="respondent-language"
          name="language"
          label={t("fields.language")}
          required
          defaultValue={language}
          error={errorFor("language")}
          options={languages.map((code) => ({
            value: code,
            label: isFieldLanguage(code) ? t(`languages.${code}`) : t("languages.other", { code }),
          }))}
        />
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
      <SubmitButton
        busy={form.busy}
        busyLabel={words.busy}
        cancel={{ href: props.cancelHref, label: t("edit.cancel") }}
      >
        {words.submit}
      </SubmitButton>
    </ActionForm>
  );
}
