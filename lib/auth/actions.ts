"use server";

/**
 * The sign-in form's check, on the server: the browser does not load zod (decision 0034), so the
 * form asks here which fields are malformed, with the same schema `authorize` uses, before it
 * signs in. Nothing is read or written, and a malformed attempt is not counted against the
 * account: only what reaches `authorize` is.
 */
import { runPublicAction } from "@/lib/users/public-action";
import { signInSchema } from "./schema";

export async function checkSignInInput(input: unknown) {
  return runPublicAction("checkSignInInput", signInSchema, input, async () => ({ wellFormed: true as const }));
}
