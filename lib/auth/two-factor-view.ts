/**
 * What the two-factor page shows the signed-in user about their own account. The secret is shown
 * only while a set-up is pending (it must be typed or scanned once), never after it is confirmed.
 */
import QRCode from "qrcode";
import { open } from "@/lib/crypto";
import { findIdentityRoles, findTwoFactorState, getInstallationSettings } from "./data";
import { holdsIdentityRole, mayDisableTwoFactor } from "./policy";
import { totpSealContext, totpUri } from "./totp";

export type TwoFactorView =
  | { status: "ON"; enabledAt: Date; mayDisable: boolean }
  | { status: "OFF" }
  | { status: "PENDING"; secretGroups: string[]; qrDataUrl: string };

export async function loadTwoFactorView(user: { id: string; isAdmin: boolean }): Promise<TwoFactorView> {
  const state = await findTwoFactorState(user.id);
  if (!state) return { status: "OFF" };
  if (state.totpEnabledAt) {
    const [settings, roles] = await Promise.all([
      getInstallationSettings(),
      state.isAdmin ? [] : findIdentityRoles(state.id),
    ]);
    const identityRole = holdsIdentityRole(state.isAdmin, roles);
    return {
      status: "ON",
      enabledAt: state.totpEnabledAt,
      mayDisable: mayDisableTwoFactor({ required: settings.requireTwoFactorForIdentityRoles, identityRole }),
    };
  }
  if (!state.totpSecret) return { status: "OFF" };
  const secret = open(state.totpSecret, totpSealContext(state.id));
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, state.email), {
    errorCorrectionLevel: "M",
    margin: 2,
    width: 240,
  });
  // Groups of four are easier to copy by hand; apps ignore the spaces.
  return { status: "PENDING", secretGroups: secret.match(/.{1,4}/g) ?? [secret], qrDataUrl };
}
