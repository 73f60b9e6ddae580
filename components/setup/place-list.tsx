"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormSection } from "@/components/ui/action-form";
import { ListSection } from "@/components/ui/list-section";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { addPlace, removePlace } from "@/lib/places/actions";
import type { StatePlaces } from "@/lib/places/data";
import type { CatalogueState } from "@/lib/places/catalogue";
import type { MexicanState } from "@/lib/respondents/constants";
import { setupFailureMessages } from "./failure-messages";
import { PlaceNameFields, PlaceRows, RemovePlaceButton } from "./place-parts";
import { useSavedStatus } from "./use-saved-status";
import styles from "./setup.module.css";

type Props = { evaluationId: string; states: StatePlaces[]; catalogue: readonly CatalogueState[] };

/** The evaluation's states with their municipalities and communities; adding and removing them. */
export function PlaceList({ evaluationId, states, catalogue }: Props) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  const saved = useSavedStatus();
  const [newState, setNewState] = useState("");
  const [place, setPlace] = useState({ state: "", municipality: "", community: "" });
  const common = { failureMessages: setupFailureMessages, onStart: saved.clear };
  const addStateForm = useActionForm(addPlace, {
    ...common,
    focus: [["state", "place-new-state"]],
    onSuccess: () => (setNewState(""), saved.done()),
  });
  const addPlaceForm = useActionForm(addPlace, {
    ...common,
    focus: [
      ["state", "place-state"],
      ["municipality", "place-municipality"],
      ["community", "place-community"],
    ],
    onSuccess: () => (setPlace((current) => ({ ...current, municipality: "", community: "" })), saved.done()),
  });
  const remove = useActionForm(removePlace, saved.rowAction);

  const picked = new Set(states.map((entry) => entry.state.name));
  const stateOptions = (list: readonly CatalogueState[]) =>
    list.map((state) => ({ value: state.name, label: state.name }));

  const submitState = addStateForm.handleSubmit(() => {
    saved.announce(t("addedStatus", { name: newState }));
    // The select holds any text until the schema (here and on the server) checks it is a catalogue state.
    return { evaluationId, state: newState as MexicanState, municipality: "", community: "" };
  });

  const submitPlace = addPlaceForm.handleSubmit(() => {
    saved.announce(t("addedStatus", { name: place.community || place.municipality }));
    return { evaluationId, ...place, state: place.state as MexicanState };
  });

  function removeOne(placeId: string, name: string) {
    saved.run(remove, { evaluationId, placeId }, t("removedStatus", { name }));
  }

  return (
    <>
      <ListSection
        titleId="places-list-title"
        title={t("listTitle")}
        status={saved.status}
        error={remove.formError}
        empty={states.length === 0 ? t("empty") : null}
      >
        <ul className={styles.domains}>
          {states.map((entry) => (
            <li key={entry.state.iso} className={styles.domain}>
              <h3 className={styles.domainHeading}>{entry.state.name}</h3>
              <p className="muted">
                {t("codes", { inegi: entry.state.inegi, iso: entry.state.iso })}
                {entry.state.officialName !== entry.state.name
                  ? ` · ${t("official", { name: entry.state.officialName })}`
                  : null}
              </p>
              {entry.placeId && !entry.inUse && entry.places.length === 0 ? (
                <div className="row-actions">
                  <RemovePlaceButton
                    name={entry.state.name}
                    busy={remove.busy}
                    onConfirm={() => removeOne(entry.placeId!, entry.state.name)}
                  />
                </div>
              ) : null}
              {entry.places.length > 0 ? (
                <PlaceRows places={entry.places} busy={remove.busy} onRemove={(row, name) => removeOne(row.id, name)} />
              ) : null}
            </li>
          ))}
        </ul>
      </ListSection>

      <FormSection
        id="place-new-state"
        title={t("addStateTitle")}
        form={addStateForm}
        onSubmit={submitState}
        submitLabel={t("addState")}
        busyLabel={t("saving")}
      >
        <SelectField
          id="place-new-state"
          label={t("state")}
          value={newState}
          onValueChange={setNewState}
          placeholder={t("chooseState")}
          options={stateOptions(catalogue.filter((state) => !picked.has(state.name)))}
          error={addStateForm.fieldError("state")}
          required
          requiredLabel={tSetup("required")}
        />
      </FormSection>

      <FormSection
        id="place-new"
        title={t("addPlaceTitle")}
        form={addPlaceForm}
        onSubmit={submitPlace}
        submitLabel={t("addPlace")}
        busyLabel={t("saving")}
      >
        <SelectField
          id="place-state"
          label={t("state")}
          value={place.state}
          onValueChange={(state) => setPlace((current) => ({ ...current, state }))}
          placeholder={t("chooseState")}
          options={stateOptions(catalogue)}
          error={addPlaceForm.fieldError("state")}
          required
          requiredLabel={tSetup("required")}
        />
        <PlaceNameFields
          prefix="place"
          place={place}
          onChange={(next) => setPlace((current) => ({ ...current, ...next }))}
          error={addPlaceForm.fieldError}
        />
      </FormSection>
    </>
  );
}
