/**
 * Closed lists for respondents, shared by forms, actions, imports and tests (no Prisma client).
 * The enum values come from the data model so a new value there shows up here.
 */
import {
  ConsentMethod,
  ConsentScopeKind,
  Gender,
  RespondentType,
  WithdrawalChoice,
} from "@/lib/generated/prisma/enums";

export const RESPONDENT_TYPES = Object.values(RespondentType) as [RespondentType, ...RespondentType[]];
export const GENDERS = Object.values(Gender) as [Gender, ...Gender[]];
export const CONSENT_METHODS = Object.values(ConsentMethod) as [ConsentMethod, ...ConsentMethod[]];
export const CONSENT_SCOPES = Object.values(ConsentScopeKind) as [ConsentScopeKind, ...ConsentScopeKind[]];
export const WITHDRAWAL_CHOICES = Object.values(WithdrawalChoice) as [WithdrawalChoice, ...WithdrawalChoice[]];

/**
 * Mexico's 32 federal entities as the map and the sampling strata name them. A respondent's state
 * must be one of these, so filters and the dashboard never split "Edo. Méx." from "México".
 */
export const MEXICAN_STATES = [
  "Aguascalientes",
  "Baja California",
  "Baja California Sur",
  "Campeche",
  "Chiapas",
  "Chihuahua",
  "Ciudad de México",
  "Coahuila",
  "Colima",
  "Durango",
  "Estado de México",
  "Guanajuato",
  "Guerrero",
  "Hidalgo",
  "Jalisco",
  "Michoacán",
  "Morelos",
  "Nayarit",
  "Nuevo León",
  "Oaxaca",
  "Puebla",
  "Querétaro",
  "Quintana Roo",
  "San Luis Potosí",
  "Sinaloa",
  "Sonora",
  "Tabasco",
  "Tamaulipas",
  "Tlaxcala",
  "Veracruz",
  "Yucatán",
  "Zacatecas",
] as const;

export type MexicanState = (typeof MEXICAN_STATES)[number];

/**
 * Languages the forms offer (ISO 639 codes). Any 2- or 3-letter code is accepted (imports may
 * carry others); these have names in the interface.
 */
export const FIELD_LANGUAGES = ["es", "en", "nah", "yua", "mix", "zap", "tzo", "tzh", "oto", "maz", "tot"] as const;
export type FieldLanguage = (typeof FIELD_LANGUAGES)[number];

export function isFieldLanguage(code: string): code is FieldLanguage {
  return (FIELD_LANGUAGES as readonly string[]).includes(code);
}

export const IDENTITY_FIELDS = ["name", "contact", "community"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
