/**
 * The few server actions that run without a session (accepting an invitation, setting up an
 * account from an administrator's link): the token in the input is the only credential. They
 * return the same typed results as `lib/actions.ts` and never an exception's message.
 * They are listed by name in tests/integration/authorization-matrix.test.ts (PUBLIC_ACTIONS).
 */
import { headers } from "next/headers";
import type { z } from "zod";
import type { ActionResult, FieldErrors, Rejection } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export async function requestIpAddress(): Promise<string | null> {
  try {
    const list = await headers();
    return (list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || null)?.slice(0, 64) ?? null;
  } catch {
    return null; // not in a request (tests, scripts)
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

export async function runPublicAction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  rawInput: unknown,
  handler: (input: z.infer<S>, ipAddress: string | null) => Promise<R | Rejection>,
): Promise<ActionResult<R>> {
  try {
    const parsed = schema.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await handler(parsed.data as z.infer<S>, await requestIpAddress());
    if (typeof outcome === "object" && outcome !== null && "rejected" in outcome) {
      const rejection = outcome as Rejection;
      return { ok: false, error: "REJECTED", reason: rejection.rejected, field: rejection.field };
    }
    return { ok: true, data: outcome as R };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.code };
    logger.error({ action: name, err: error }, "public server action failed");
    return { ok: false, error: "UNEXPECTED" };
  }
}
