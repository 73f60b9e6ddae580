/** Places of an evaluation: a catalogue state, and under it municipalities and communities. Messages are keys under `setup.errors`. */
import { z } from "zod";
import { MEXICAN_STATES } from "@/lib/respondents/constants";
import { idSchema } from "@/lib/stories/schema";
import { optionalText } from "@/lib/text-schema";

export const PLACE_NAME_MAX = 200;

export const addPlaceInput = z
  .object({
    evaluationId: idSchema,
    state: z.enum(MEXICAN_STATES, { error: "stateUnknown" }),
    municipality: optionalText(PLACE_NAME_MAX),
    community: optionalText(PLACE_NAME_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.community && !value.municipality) ctx.addIssue({ code: "custom", path: ["municipality"], message: "municipalityForCommunity" });
  });

export const removePlaceInput = z.object({ evaluationId: idSchema, placeId: idSchema });

export type AddPlaceInput = z.output<typeof addPlaceInput>;
export type RemovePlaceInput = z.output<typeof removePlaceInput>;
