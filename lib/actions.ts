/**
 * The one way from the UI to the server for mutations. Every server action is built here, so
 * each one authenticates, validates its input with the form's zod schema, loads the caller's
 * roles in the evaluation (404 when out of scope), checks its permission, and only then runs.
 * Actions register themselves, so a test can enumerate all of them (tests/integration/authorization-matrix.test.ts).
 *
 * Results are typed: the client never sees an exception's message, only a code. The own-account
 * and public actions (lib/auth/account-action.ts, lib/users/public-action.ts) run through the
 * same `runAction`, so results are shaped in one place.
 */
import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { isRejection, type Rejection, type RefusalDetails } from "@/lib/core/refusal";
import { AppError, type FailureCode } from "@/lib/errors";
import { evaluationAccess } from "@/lib/evaluations/access";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { can, INSTALLATION_PERMISSIONS, rolesOf, type Permission, type Role } from "@/lib/permissions";
import { logger } from "@/lib/logger";
import { requestClientAddress, UNKNOWN_ADDRESS } from "@/lib/security/client-address";

export type { FieldErrors };
/** Defined beside the refusals (lib/core/refusal.ts) so mutations can answer it without importing this file. */
export type { Rejection };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: "INVALID"; fieldErrors: FieldErrors }
  | ({ ok: false; error: "REJECTED"; reason: string; field?: string } & RefusalDetails)
  | { ok: false; error: FailureCode };

export type ActionContext<I> = {
  actor: CurrentUser;
  input: I;
  /** The caller's roles where the action applies (ADMIN included for administrators). */
  roles: Role[];
  /** The client address as `requestMeta` gives it; recorded with audit events. */
  ipAddress: string | null;
};

export type RegisteredAction = { name: string; permission: Permission; scope: "installation" | "evaluation" };
export const actionRegistry = new Map<string, RegisteredAction>();
const ACTION = Symbol.for("msc.action");

/**
 * Where the request came from, recorded with audit events: the client address the trusted
 * proxies wrote (lib/security/client-address.ts), null when it is unknown or there is no request.
 */
export async function requestMeta(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  let list: Awaited<ReturnType<typeof headers>>;
  try {
    list = await headers();
  } catch {
    return { ipAddress: null, userAgent: null }; // not in a request (tests, scripts)
  }
  const address = requestClientAddress((name) => list.get(name));
  return {
    ipAddress: address === UNKNOWN_ADDRESS ? null : address,
    userAgent: list.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** The signed-in caller. Held at two-factor set-up, a user may run only the set-up's own actions. */
export async function signedInActor(options: { duringTwoFactorSetup?: boolean } = {}): Promise<CurrentUser> {
  const actor = await getCurrentUser();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.needsTwoFactorEnrolment && !options.duringTwoFactorSetup) throw new AppError("FORBIDDEN");
  return actor;
}

/**
 * Runs one server action: the only place that shapes results. `authenticate` runs before the
 * input is read, so a signed-out caller learns nothing about the schema. A rejection becomes
 * REJECTED, a thrown AppError its code, a unique-key race CONFLICT, and anything else
 * UNEXPECTED, its message going to the server log only.
 */
export async function runAction<S extends z.ZodType, R, A = undefined>(
  name: string,
  schema: S,
  rawInput: unknown,
  body: (input: z.infer<S>, actor: A) => Promise<R | Rejection>,
  authenticate?: () => Promise<A>,
): Promise<ActionResult<R>> {
  try {
    const actor = (authenticate ? await authenticate() : undefined) as A;
    const parsed = schema.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await body(parsed.data as z.infer<S>, actor);
    if (isRejection(outcome))
      return { ok: false, error: "REJECTED", reason: outcome.rejected, field: outcome.field, ...outcome.details };
    return { ok: true, data: outcome };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.code };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "CONFLICT" };
    // The message may hold data; it goes to the server log only.
    logger.error({ action: name, err: error }, "server action failed");
    return { ok: false, error: "UNEXPECTED" };
  }
}

/** The caller's roles where the action applies (ADMIN included); NOT_FOUND outside their evaluations. */
async function rolesWhere(scope: RegisteredAction["scope"], input: unknown, actor: CurrentUser): Promise<Role[]> {
  if (scope === "installation") return rolesOf(actor, []);
  const evaluationId = (input as { evaluationId?: unknown }).evaluationId;
  const access = typeof evaluationId === "string" ? await evaluationAccess(evaluationId, actor) : null;
  if (!access) throw new AppError("NOT_FOUND");
  return access.roles;
}

type Definition<S extends z.ZodType, R> = {
  permission: Permission;
  input: S;
  handler: (context: ActionContext<z.infer<S>>) => Promise<R | Rejection>;
};

function define<S extends z.ZodType, R>(name: string, scope: RegisteredAction["scope"], definition: Definition<S, R>) {
  if (actionRegistry.has(name)) throw new Error(`Two actions are named ${name}.`);
  if ((scope === "installation") !== INSTALLATION_PERMISSIONS.has(definition.permission)) {
    throw new Error(`Action ${name}: permission ${definition.permission} does not fit a ${scope} action.`);
  }
  actionRegistry.set(name, { name, permission: definition.permission, scope });

  const action = async (rawInput: unknown): Promise<ActionResult<R>> =>
    runAction(
      name,
      definition.input,
      rawInput,
      async (input, actor) => {
        const roles = await rolesWhere(scope, input, actor);
        if (!can(roles, definition.permission)) throw new AppError("FORBIDDEN");
        return definition.handler({ actor, input, roles, ipAddress: (await requestMeta()).ipAddress });
      },
      signedInActor,
    );
  Object.defineProperty(action, ACTION, { value: name });
  return action;
}

/** An action on one evaluation; its input must carry `evaluationId`. */
export function evaluationAction<S extends z.ZodType<{ evaluationId: string }>, R>(
  name: string,
  definition: Definition<S, R>,
) {
  return define(name, "evaluation", definition);
}

/** An action on the installation (users, new evaluations): administrators only, per the table. */
export function installationAction<S extends z.ZodType, R>(name: string, definition: Definition<S, R>) {
  return define(name, "installation", definition);
}

/** The registered name of a function built here, or undefined for anything else. */
export function registeredActionName(value: unknown): string | undefined {
  return typeof value === "function" ? (value as unknown as Record<symbol, string>)[ACTION] : undefined;
}
