"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reject } from "@/lib/core/refusal";
import { accountAction } from "./account-action";
import { totpCodeSchema } from "./schema";
import { TWO_FACTOR_SETUP_PATH } from "./session";
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup } from "./two-factor-mutations";

// Inputs never carry a user id: the account is always the caller's own (account-action.ts).
const codeInput = z.strictObject({ code: totpCodeSchema });

/** A new secret to scan; replaces a set-up that was started but never confirmed. */
export const startTwoFactorSetupAction = accountAction("startTwoFactorSetup", {
  input: z.strictObject({}),
  allowedDuringTwoFactorSetup: true,
  handler: async ({ actor, ipAddress, userAgent }) => {
    const outcome = await startTwoFactorSetup(actor.id, { ipAddress, userAgent });
    revalidatePath(TWO_FACTOR_SETUP_PATH);
    return outcome.ok ? { started: true } : reject(outcome.reason);
  },
});

export const confirmTwoFactorSetupAction = accountAction("confirmTwoFactorSetup", {
  input: codeInput,
  allowedDuringTwoFactorSetup: true,
  handler: async ({ actor, input, ipAddress, userAgent }) => {
    const outcome = await confirmTwoFactorSetup(actor.id, actor.sessionId, input.code, { ipAddress, userAgent });
    revalidatePath(TWO_FACTOR_SETUP_PATH);
    return outcome.ok ? { enabled: true } : reject(outcome.reason, "code");
  },
});

export const disableTwoFactorAction = accountAction("disableTwoFactor", {
  input: codeInput,
  handler: async ({ actor, input, ipAddress, userAgent }) => {
    const outcome = await disableTwoFactor(actor.id, input.code, { ipAddress, userAgent });
    revalidatePath(TWO_FACTOR_SETUP_PATH);
    return outcome.ok ? { enabled: false } : reject(outcome.reason, "code");
  },
});
