/**
 * Field errors are message keys (e.g. "validation.emailInvalid") by field path; the form
 * translates them. Free of server code, so the forms run the same check in the browser.
 */
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
