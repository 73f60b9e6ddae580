"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { PLACE_NAME_MAX } from "@/lib/places/types";

type PlaceRow = { id: string; municipality: string | null; community: string | null; inUse: boolean };

/** Removing a place, asked twice since it cannot be undone. */
export function RemovePlaceButton({ name, busy, onConfirm }: { name: string; busy: boolean; onConfirm: () => void }) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  return (
    <ConfirmButton
      label={t("remove", { name })}
      confirmLabel={t("confirmRemove", { name })}
      cancelLabel={tSetup("cancel")}
      busy={busy}
      onConfirm={onConfirm}
    />
  );
}

/**
 * The municipalities and communities under one state or region. A place in use, or a municipality
 * with communities under it, cannot be removed.
 */
export function PlaceRows({
  places,
  onRemove,
  busy,
}: {
  places: PlaceRow[];
  onRemove: (row: PlaceRow, name: string) => void;
  busy: boolean;
}) {
  const t = useTranslations("setup.places");
  return (
    <ul className="plain-list">
      {places.map((row) => {
        const name = row.community ? `${row.municipality} · ${row.community}` : row.municipality!;
        const hasUnder =
          !row.community && places.some((other) => other.municipality === row.municipality && other.community);
        return (
          <li key={row.id}>
            <span className="plain-list__label">{name}</span>{" "}
            {row.inUse ? <span className="tag">{t("inUse")}</span> : null}{" "}
            {!row.inUse && !hasUnder ? (
              <RemovePlaceButton name={name} busy={busy} onConfirm={() => onRemove(row, name)} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

type PlaceNames = { municipality: string; community: string };

/** The municipality (required) and the community under it (optional) of a place being added. */
export function PlaceNameFields({
  prefix,
  place,
  onChange,
  error,
}: {
  prefix: string;
  place: PlaceNames;
  onChange: (next: Partial<PlaceNames>) => void;
  error: (field: keyof PlaceNames) => string | null;
}) {
  const t = useTranslations("setup.places");
  const tSetup = useTranslations("setup");
  return (
    <>
      <Field
        id={`${prefix}-municipality`}
        label={t("municipality")}
        value={place.municipality}
        onValueChange={(municipality) => onChange({ municipality })}
        maxLength={PLACE_NAME_MAX}
        error={error("municipality")}
        required
        requiredLabel={tSetup("required")}
      />
      <Field
        id={`${prefix}-community`}
        label={t("community")}
        hint={t("communityHint")}
        value={place.community}
        onValueChange={(community) => onChange({ community })}
        maxLength={PLACE_NAME_MAX}
        error={error("community")}
      />
    </>
  );
}
