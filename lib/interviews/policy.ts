/**
 * The hearing rule is fieldwork's (lib/fieldwork/policy.ts): interviews and focus groups hear
 * respondents alike. The import of interviews still reads it from here.
 */
export { hearingEligibility, type HearingEligibility } from "@/lib/fieldwork/policy";
