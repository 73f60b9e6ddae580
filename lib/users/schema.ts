/**
 * Forms for user administration and account set-up, shared by the browser forms and the actions.
 * Messages are keys under `validation.*`; forms translate them. The small text helpers here are
 * used by the members, invitations and evaluations schemas too.
 */
import { z } from "zod";
import { Locale } from "@/lib/generated/prisma/enums";
import { NAME_MAX, EMAIL_MAX, PASSWORD_MAX } from "./types";
export { TEXT_MAX, NAME_MAX, EMAIL_MAX, PASSWORD_MAX } from "./types";

/**
 * Control characters and bidirectional formatting characters (right-to-left marks, embeddings,
 * overrides, isolates): invisible, and able to make a name read differently from what is stored
 * ("Trojan Source"). Refused in names and single-line fields.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const PASSWORD_MIN = 12;

/** One line of visible text, trimmed. */
export function singleLine(max: number, messages: { required: string; tooLong: string }) {
  return z
    .string({ error: "validation.invalid" })
    .trim()
    .min(1, messages.required)
    .max(max, messages.tooLong)
    .refine((value) => !INVISIBLE_CONTROLS.test(value), "validation.controlCharacters");
}

export const personNameSchema = singleLine(NAME_MAX, {
  required: "validation.nameRequired",
  tooLong: "validation.nameTooLong",
});

/** Lower-cased, as every e-mail is stored and looked up. */
export const emailSchema = z
  .string({ error: "validation.emailInvalid" })
  .trim()
  .toLowerCase()
  .min(1, "validation.emailRequired")
  .max(EMAIL_MAX, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

/** A record id (cuid) from a hidden field: anything else is refused before any query. */
export const recordIdSchema = z
  .string({ error: "validation.invalid" })
  .min(1, "validation.invalid")
  .max(64, "validation.invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "validation.invalid");

export const localeSchema = z.enum([Locale.ES, Locale.EN], { error: "validation.localeInvalid" });

export const passwordSchema = z
  .string({ error: "validation.passwordTooShort" })
  .min(PASSWORD_MIN, "validation.passwordTooShort")
  // Keeps a hostile multi-megabyte "password" away from the hash function.
  .max(PASSWORD_MAX, "validation.passwordTooLong");

/** A new password typed twice; the two must match. */
export const newPasswordFields = {
  password: passwordSchema,
  passwordConfirmation: z
    .string({ error: "validation.passwordsDiffer" })
    .max(PASSWORD_MAX, "validation.passwordsDiffer"),
};

export function passwordsMatch(value: { password: string; passwordConfirmation: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.passwordConfirmation) {
    ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: "validation.passwordsDiffer" });
  }
}

// ───────── Administration ─────────

export const createUserSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  locale: localeSchema,
  isAdmin: z.boolean({ error: "validation.invalid" }),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userTargetSchema = z.object({ userId: recordIdSchema });
export type UserTargetInput = z.infer<typeof userTargetSchema>;

export const twoFactorRequirementSchema = z.object({ required: z.boolean({ error: "validation.invalid" }) });

export const USERS_PER_PAGE = 25;
export const SEARCH_MAX = 100;

/**
 * The user list's URL (`?q=…&page=…`). Only plain strings are read: an array or anything odd
 * falls back to the first page without a search (no operator ever reaches a query).
 */
export const userListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX)
    .refine((value) => !INVISIBLE_CONTROLS.test(value))
    .catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export function parseUserListQuery(searchParams: Record<string, string | string[] | undefined>): UserListQuery {
  const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
  return userListQuerySchema.parse({ q: first(searchParams.q) ?? "", page: first(searchParams.page) ?? "1" });
}

// ───────── Account set-up (the link an administrator hands to a new user) ─────────

/** `<userId>.<expiry in base 36>.<signature>`; see setup-token.ts. */
export const accountSetupTokenSchema = z
  .string({ error: "validation.invalid" })
  .max(200, "validation.invalid")
  .regex(/^[A-Za-z0-9_-]{1,64}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}$/, "validation.invalid");

export const accountSetupSchema = z
  .object({ token: accountSetupTokenSchema, name: personNameSchema, ...newPasswordFields })
  .superRefine(passwordsMatch);
export type AccountSetupInput = z.infer<typeof accountSetupSchema>;
