"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { ActionError, FormError } from "@/components/ui/form-message";
import { useActionForm } from "@/components/ui/use-action-form";
import { SelectField } from "@/components/ui/choice-fields";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { addPlace, removePlace } from "@/lib/places/actions";
import type { StatePlaces } from "@/lib/places/data";
import { PLACE_NAME_MAX } from "@/lib/places/types";
import type { CatalogueState } from "@/lib/places/catalogue";
import type { MexicanState } from "@/lib/respondents/constants";
import { setupFailureMessages } from "./failure-messages";
import styles from "./setup.module.css";

type Props = { evaluationId: string; states: StatePlaces[]; catalogue: readonly CatalogueState[] };

/** The evaluation's states with their municipalities and communities; adding and removing them. */
export function PlaceList({ evaluationId, states, catalogue }: Props) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [newState, setNewState] = useState("");
  const [place, setPlace] = useState({ state: "", municipality: "", community: "" });
  const success = useRef("");
  const done = () => {
    setStatus(success.current);
    router.refresh();
  };
  const addStateForm = useActionForm(addPlace, {
    focus: [["state", "place-new-state"]],
    failureMessages: setupFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => (setNewState(""), done()),
  });
  const addPlaceForm = useActionForm(addPlace, {
    focus: [
      ["state", "place-state"],
      ["municipality", "place-municipality"],
      ["community", "place-community"],
    ],
    failureMessages: setupFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: () => (setPlace((current) => ({ ...current, municipality: "", community: "" })), done()),
  });
  const remove = useActionForm(removePlace, {
    clearOnStart: true,
    failureMessages: setupFailureMessages,
    onStart: () => setStatus(null),
    onSuccess: done,
    onFailure: () => router.refresh(),
  });

  const picked = new Set(states.map((entry) => entry.state.name));
  const stateOptions = (list: readonly CatalogueState[]) =>
    list.map((state) => ({ value: state.name, label: state.name }));

  function submitState(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    success.current = t("addedStatus", { name: newState });
    // The select holds any text until the schema (here and on the server) checks it is a catalogue state.
    void addStateForm.submit({ evaluationId, state: newState as MexicanState, municipality: "", community: "" });
  }

  function submitPlace(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    success.current = t("addedStatus", { name: place.community || place.municipality });
    void addPlaceForm.submit({ evaluationId, ...place, state: place.state as MexicanState });
  }

  function removeButton(placeId: string, name: string) {
    return (
      <ConfirmButton
        label={t("remove", { name })}
        confirmLabel={t("confirmRemove", { name })}
        cancelLabel={tSetup("cancel")}
        busy={remove.busy}
        onConfirm={() => {
          success.current = t("removedStatus", { name });
          void remove.submit({ evaluationId, placeId });
        }}
      />
    );
  }

  return (
    <>
      <section className="section" aria-labelledby="places-list-title">
        <h2 id="places-list-title">{t("listTitle")}</h2>
        <p role="status" className="muted">
          {status}
        </p>
        <ActionError message={remove.formError} />
        {states.length === 0 ? <p className="empty-state">{t("empty")}</p> : null}
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
                <div className="row-actions">{removeButton(entry.placeId, entry.state.name)}</div>
              ) : null}
              {entry.places.length > 0 ? (
                <ul className="plain-list">
                  {entry.places.map((row) => {
                    const name = row.community ? `${row.municipality} · ${row.community}` : row.municipality!;
                    const hasUnder =
                      !row.community &&
                      entry.places.some((other) => other.municipality === row.municipality && other.community);
                    return (
                      <li key={row.id}>
                        <span className="plain-list__label">{name}</span>{" "}
                        {row.inUse ? <span className="tag">{t("inUse")}</span> : null}{" "}
                        {!row.inUse && !hasUnder ? removeButton(row.id, name) : null}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="place-new-state-title">
        <form
          method="post"
          className="form"
          noValidate
          onSubmit={submitState}
          aria-labelledby="place-new-state-title"
          aria-describedby="place-new-state-error"
        >
          <h2 id="place-new-state-title">{t("addStateTitle")}</h2>
          <FormError id="place-new-state-error" message={addStateForm.formError} />
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
          <div className="actions">
            <Button type="submit" busy={addStateForm.busy} busyLabel={t("saving")}>
              {t("addState")}
            </Button>
          </div>
        </form>
      </section>

      <section className="section" aria-labelledby="place-new-title">
        <form
          method="post"
          className="form"
          noValidate
          onSubmit={submitPlace}
          aria-labelledby="place-new-title"
          aria-describedby="place-new-error"
        >
          <h2 id="place-new-title">{t("addPlaceTitle")}</h2>
          <FormError id="place-new-error" message={addPlaceForm.formError} />
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
          <Field
            id="place-municipality"
            label={t("municipality")}
            value={place.municipality}
            onValueChange={(municipality) => setPlace((current) => ({ ...current, municipality }))}
            maxLength={PLACE_NAME_MAX}
            error={addPlaceForm.fieldError("municipality")}
            required
            requiredLabel={tSetup("required")}
          />
          <Field
            id="place-community"
            label={t("community")}
            hint={t("communityHint")}
            value={place.community}
            onValueChange={(community) => setPlace((current) => ({ ...current, community }))}
            maxLength={PLACE_NAME_MAX}
            error={addPlaceForm.fieldError("community")}
          />
          <div className="actions">
            <Button type="submit" busy={addPlaceForm.busy} busyLabel={t("saving")}>
              {t("addPlace")}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
