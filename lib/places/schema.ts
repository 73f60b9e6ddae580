/**
 * Places of an evaluation: a catalogue state of Mexico, or a region of another country the team
 * added, and under either municipalities and communities. Messages are keys under `setup.errors`.
 */
import { z } from "zod";
import { MEXICAN_STATES } from "@/lib/respondents/constants";
import { idSchema } from "@/lib/core/ids";
import { optionalText, requiredText } from "@/lib/text-schema";
import { COUNTRY_CODE, MEXICO } from "./countries";
import { COUNTRY_NAME_MAX, PLACE_NAME_MAX, REGION_CODE_MAX } from "./types";
export { COUNTRY_NAME_MAX, PLACE_NAME_MAX, REGION_CODE_MAX } from "./types";

/** Two letters, any case: "gt" is stored "GT". Mexico is built in, never added. */
export const countryCodeSchema = z
  .string({ error: "countryCodeInvalid" })
  .trim()
  .toUpperCase()
  .regex(COUNTRY_CODE, { error: "countryCodeInvalid" })
  .refine((code) => code !== MEXICO, { error: "countryIsMexico" });

/**
 * A country of the evaluation, or none (empty, missing): Mexico. `error` is the message key of the
 * form that asks (places and respondents name it in their own namespaces).
 */
export function optionalCountryCode(error: string) {
  return z
    .string({ error })
    .trim()
    .toUpperCase()
    .nullish()
    .transform((code) => (code ? code : null))
    .pipe(
      z
        .string()
        .regex(COUNTRY_CODE, { error })
        .refine((code) => code !== MEXICO, { error })
        .nullable(),
    );
}

export const addPlaceInput = z
  .object({
    evaluationId: idSchema,
    countryCode: optionalCountryCode("countryCodeInvalid"),
    /** A catalogue state when the place is in Mexico; the name of one of the country's regions elsewhere. */
    state: requiredText(PLACE_NAME_MAX),
    municipality: optionalText(PLACE_NAME_MAX),
    community: optionalText(PLACE_NAME_MAX),
  })
  .superRefine((value, ctx) => {
    if (!value.countryCode && !(MEXICAN_STATES as readonly string[]).includes(value.state))
      ctx.addIssue({ code: "custom", path: ["state"], message: "stateUnknown" });
    if (value.community && !value.municipality)
      ctx.addIssue({ code: "custom", path: ["municipality"], message: "municipalityForCommunity" });
  });

export const addCountryInput = z.object({
  evaluationId: idSchema,
  code: countryCodeSchema,
  nameEs: requiredText(COUNTRY_NAME_MAX),
  nameEn: requiredText(COUNTRY_NAME_MAX),
});

/** A first-level region the team names (department, province...), with its own code if it has one. */
export const addRegionInput = z.object({
  evaluationId: idSchema,
  countryCode: countryCodeSchema,
  name: requiredText(PLACE_NAME_MAX),
  code: optionalText(REGION_CODE_MAX).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, { error: "regionCodeInvalid" })
      .nullable(),
  ),
});

export const removePlaceInput = z.object({ evaluationId: idSchema, placeId: idSchema });
export const removeCountryInput = z.object({ evaluationId: idSchema, code: countryCodeSchema });

export type AddPlaceInput = z.output<typeof addPlaceInput>;
export type AddCountryInput = z.output<typeof addCountryInput>;
export type AddRegionInput = z.output<typeof addRegionInput>;
export type RemovePlaceInput = z.output<typeof removePlaceInput>;
export type RemoveCountryInput = z.output<typeof removeCountryInput>;
