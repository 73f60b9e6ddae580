/**
 * Server actions on the signed-in user's own account (two-factor set-up). They need no
 * permission and are not in `actionRegistry`, because the only account they can touch is the
 * caller's: the handler gets the user from the session, and the input never carries a user id.
 * Same typed results as lib/actions.ts; the client only ever sees a code.
 */
import { headers } from "next/headers";
import type { z } from "zod";
import type { ActionResult, FieldErrors, Rejection } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCurrentUser, type CurrentUser } from "./session";

export type AccountActionContext<I> = {
  actor: CurrentUser;
  input: I;
  /** Recorded with audit events; never used to decide anything. */
  ipAddress: string;
  userAgent: string | null;
};

type AccountDefinition<S extends z.ZodType, R> = {
  input: S;
  /** True only for the two-factor set-up itself, which a user held at set-up must be able to do. */
  allowedDuringTwoFactorSetup?: boolean;
  handler: (context: AccountActionContext<z.infer<S>>) => Promise<R | Rejection>;
};

async function requestMeta(): Promise<{ ipAddress: string; userAgent: string | null }> {
  try {
    const list = await headers();
    const ip = list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "unknown";
    return { ipAddress: ip.slice(0, 64), userAgent: list.get("user-agent")?.slice(0, 512) ?? null };
  } catch {
    return { ipAddress: "unknown", userAgent: null }; // not in a request (tests, scripts)
  }
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

function isRejection(value: unknown): value is Rejection {
  return typeof value === "object" && value !== null && "rejected" in value;
}

/** Every account action's name, so a test can tell them from unregistered actions. */
export const accountActionNames = new Set<string>();

export function accountAction<S extends z.ZodType, R>(name: string, definition: AccountDefinition<S, R>) {
  if (accountActionNames.has(name)) throw new Error(`Two account actions are named ${name}.`);
  accountActionNames.add(name);
  return async (rawInput: unknown): Promise<ActionResult<R>> => {
    try {
      const actor = await getCurrentUser();
      if (!actor) return { ok: false, error: "UNAUTHENTICATED" };
      if (actor.needsTwoFactorEnrolment && !definition.allowedDuringTwoFactorSetup) return { ok: false, error: "FORBIDDEN" };
      const parsed = definition.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: fieldErrorsOf(parsed.error) };
      const meta = await requestMeta();
      const outcome = await definition.handler({ actor, input: parsed.data as z.infer<S>, ...meta });
      if (isRejection(outcome)) return { ok: false, error: "REJECTED", reason: outcome.rejected, field: outcome.field };
      return { ok: true, data: outcome };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.code };
      // The message may hold data; it goes to the server log only.
      logger.error({ action: name, err: error }, "account action failed");
      return { ok: false, error: "UNEXPECTED" };
    }
  };
}
