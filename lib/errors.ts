/**
 * The few failures that are not the user's input: the client only ever sees the code.
 * Expected outcomes of a form (a closed round, a duplicate e-mail) are typed results instead.
 */
export const FAILURE_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "UNEXPECTED"] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: FailureCode,
    /** For the server log only; never sent to the client. */
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
}
