import { z } from "zod";

/**
 * The sign-in form, shared by the browser form and `authorize`. Messages are codes; the form
 * turns them into the user's language.
 */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "EMAIL_REQUIRED")
    .max(254, "EMAIL_INVALID")
    .pipe(z.email("EMAIL_INVALID")),
  // The cap keeps a hostile multi-megabyte "password" away from the hash function.
  password: z.string().min(1, "PASSWORD_REQUIRED").max(1024, "PASSWORD_REQUIRED"),
  /** The authenticator code, sent only on the second submit; "" and absent both mean none. */
  code: z
    .string()
    .max(32, "CODE_INVALID")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^\d{6}$/, "CODE_INVALID")]))
    .optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignInIssue = "EMAIL_REQUIRED" | "EMAIL_INVALID" | "PASSWORD_REQUIRED" | "CODE_INVALID";

/**
 * The only messages `authorize` ever throws; next-auth hands them to the browser as `error`.
 * Any other failure is next-auth's "CredentialsSignin" (or "UNEXPECTED"), whatever the cause.
 * TOTP_* come only after the password was verified.
 */
export const SIGN_IN_ERRORS = ["TOTP_REQUIRED", "TOTP_INVALID", "TOO_MANY_ATTEMPTS", "UNEXPECTED"] as const;
export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[number];

/** The code typed on the account pages: six digits, spaces and dashes ignored. */
export const totpCodeSchema = z
  .string({ error: "CODE_INVALID" })
  .max(32, "CODE_INVALID")
  .transform((value) => value.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "CODE_INVALID"));
