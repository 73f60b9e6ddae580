import { z } from "zod";

/**
 * The sign-in form, shared by the browser form and `authorize`. Messages are codes; the form
 * turns them into the user's language.
 */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "EMAIL_REQUIRED").max(254, "EMAIL_INVALID").pipe(z.email("EMAIL_INVALID")),
  // The cap keeps a hostile multi-megabyte "password" away from the hash function.
  password: z.string().min(1, "PASSWORD_REQUIRED").max(1024, "PASSWORD_REQUIRED"),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignInIssue = "EMAIL_REQUIRED" | "EMAIL_INVALID" | "PASSWORD_REQUIRED";
