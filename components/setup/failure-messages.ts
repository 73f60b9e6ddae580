/**
 * How the set-up forms' failures read, under `setup.errors`: one key for each reason the place,
 * project, domain, list and copy mutations export (a reason without a key fails typecheck).
 */
import type { DomainSetupRefusal } from "@/lib/domains/setup-mutations";
import type { CopySetupRefusal } from "@/lib/evaluations/copy-setup";
import type { PlaceRefusal } from "@/lib/places/mutations";
import type { ProjectRefusal } from "@/lib/projects/mutations";
import type { ListItemRefusal } from "@/lib/setup-lists/mutations";
import { generalFailures, refusalFailureMessages, type RefusalMessages } from "@/components/ui/refusal-messages";

export const SETUP_REFUSAL_MESSAGES: RefusalMessages<
  PlaceRefusal | ProjectRefusal | DomainSetupRefusal | ListItemRefusal | CopySetupRefusal
> = {
  ...generalFailures("setup.errors"),
  COUNTRY_UNKNOWN: "setup.errors.COUNTRY_UNKNOWN",
  REGION_UNKNOWN: "setup.errors.REGION_UNKNOWN",
  DUPLICATE_PLACE: "setup.errors.DUPLICATE_PLACE",
  // The schema refuses the same code for Mexico; a name that reads "México" says the same.
  COUNTRY_IS_MEXICO: "setup.errors.countryIsMexico",
  DUPLICATE_COUNTRY: "setup.errors.DUPLICATE_COUNTRY",
  DUPLICATE_NAME: "setup.errors.DUPLICATE_NAME",
  DUPLICATE_REGION_CODE: "setup.errors.DUPLICATE_REGION_CODE",
  PLACE_IN_USE: "setup.errors.PLACE_IN_USE",
  PLACE_HAS_PLACES_UNDER: "setup.errors.PLACE_HAS_PLACES_UNDER",
  DUPLICATE_ACRONYM: "setup.errors.DUPLICATE_ACRONYM",
  STALE_VERSION: "setup.errors.STALE_VERSION",
  PROJECT_IN_USE: "setup.errors.PROJECT_IN_USE",
  DEFINITION_REQUIRED: "setup.errors.DEFINITION_REQUIRED",
  ORDER_CHANGED: "setup.errors.ORDER_CHANGED",
  ORDER_INCOMPLETE: "setup.errors.ORDER_INCOMPLETE",
  DOMAIN_IN_LIVE_ROUND: "setup.errors.DOMAIN_IN_LIVE_ROUND",
  DOMAIN_IN_USE: "setup.errors.DOMAIN_IN_USE",
  ITEM_IN_USE: "setup.errors.ITEM_IN_USE",
  SAME_EVALUATION: "setup.errors.SAME_EVALUATION",
};

/** The schema's codes read under `setup.errors`; admin-style keys ("validation.x") are kept as they are. */
const fieldKey = (code: string) => (code.includes(".") ? code : `setup.errors.${code}`);

/** A set-up action's failure as message keys, next to the field when there is one ("project.acronym" by "acronym"). */
export const setupFailureMessages = refusalFailureMessages(SETUP_REFUSAL_MESSAGES, fieldKey, (path) =>
  path.replace(/^project\./, ""),
);
