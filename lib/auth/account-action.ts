/**
 * Server actions on the signed-in user's own account (two-factor set-up). They need no
 * permission and are not in `actionRegistry`, because the only account they can touch is the
 * caller's: the handler gets the user from the session, and the input never carries a user id.
 * Same typed results as lib/actions.ts (`runAction`); the client only ever sees a code.
 */
import type { z } from "zod";
import { requestMeta, runAction, signedInActor, type ActionResult, type Rejection } from "@/lib/actions";
import { UNKNOWN_ADDRESS } from "@/lib/security/client-address";
import type { CurrentUser } from "./session";

export type AccountActionContext<I> = {
  actor: CurrentUser;
  input: I;
  /** The client address (UNKNOWN_ADDRESS when unknown): audited, and counted by the code checks' per-address limit. */
  ipAddress: string;
  userAgent: string | null;
};

type AccountDefinition<S extends z.ZodType, R> = {
  input: S;
  /** True only for the two-factor set-up itself, which a user held at set-up must be able to do. */
  allowedDuringTwoFactorSetup?: boolean;
  handler: (context: AccountActionContext<z.infer<S>>) => Promise<R | Rejection>;
};

/** Every account action's name, so a test can tell them from unregistered actions. */
export const accountActionNames = new Set<string>();

export function accountAction<S extends z.ZodType, R>(name: string, definition: AccountDefinition<S, R>) {
  if (accountActionNames.has(name)) throw new Error(`Two account actions are named ${name}.`);
  accountActionNames.add(name);
  const authenticate = () => signedInActor({ duringTwoFactorSetup: definition.allowedDuringTwoFactorSetup });
  return async (rawInput: unknown): Promise<ActionResult<R>> =>
    runAction(
      name,
      definition.input,
      rawInput,
      async (input, actor) => {
        const { ipAddress, userAgent } = await requestMeta();
        return definition.handler({ actor, input, ipAddress: ipAddress ?? UNKNOWN_ADDRESS, userAgent });
      },
      authenticate,
    );
}
