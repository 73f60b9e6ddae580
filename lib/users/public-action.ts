/**
 * The few server actions that run without a session (accepting an invitation, setting up an
 * account from an administrator's link): the token in the input is the only credential. They
 * return the same typed results as `lib/actions.ts` (`runAction`) and never an exception's message.
 * They are listed by name in tests/integration/authorization-matrix.test.ts (PUBLIC_ACTIONS).
 */
import type { z } from "zod";
import { requestMeta, runAction, type ActionResult, type Rejection } from "@/lib/actions";

export async function runPublicAction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  rawInput: unknown,
  handler: (input: z.infer<S>, ipAddress: string | null) => Promise<R | Rejection>,
): Promise<ActionResult<R>> {
  return runAction(name, schema, rawInput, async (input) => handler(input, (await requestMeta()).ipAddress));
}
