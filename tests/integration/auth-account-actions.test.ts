/**
 * The own-account server actions (two-factor set-up), called as a browser would call them: only
 * the caller's own row can change, whatever the input says; signed-out callers and callers held
 * at two-factor set-up get codes, never data.
 */
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { open } from "@/lib/crypto";
import { buildUser } from "@/tests/factories";
import { signInAs, signOut } from "@/tests/support/session";
import { pointAppAt } from "@/tests/support/app-env";
import { openTestDatabase, type TestDatabase } from "@/tests/support/test-database";

vi.mock("@/lib/auth/session", () => import("@/tests/support/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let database: TestDatabase;
let actions: typeof import("@/lib/auth/two-factor-actions");
let accountAction: typeof import("@/lib/auth/account-action");

const me = buildUser({ name: "Me" });
const victim = buildUser({ name: "Victim" });

const twoFactorColumns = { totpSecret: true, totpEnabledAt: true, totpLastUsedStep: true } as const;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
  await database.prisma.user.createMany({ data: [me, victim] });
  [actions, accountAction] = await Promise.all([
    import("@/lib/auth/two-factor-actions"),
    import("@/lib/auth/account-action"),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("own-account actions", () => {
  it("are named, and none of them is in the permission registry", async () => {
    const { actionRegistry } = await import("@/lib/actions");
    expect([...accountAction.accountActionNames].sort()).toEqual([
      "confirmTwoFactorSetup",
      "disableTwoFactor",
      "startTwoFactorSetup",
    ]);
    for (const name of accountAction.accountActionNames) expect(actionRegistry.has(name)).toBe(false);
  });

  it("refuse a signed-out caller", async () => {
    signOut();
    expect(await actions.startTwoFactorSetupAction({})).toEqual({ ok: false, error: "UNAUTHENTICATED" });
    expect(await actions.disableTwoFactorAction({ code: "123456" })).toEqual({ ok: false, error: "UNAUTHENTICATED" });
  });

  it("refuse any user id in the input, and leave the other user's row as it was", async () => {
    const victimBefore = await database.prisma.user.findUniqueOrThrow({
      where: { id: victim.id },
      select: twoFactorColumns,
    });
    signInAs(me);
    for (const hostile of [{ userId: victim.id }, { id: victim.id }, { code: "123456", userId: victim.id }]) {
      const result = await actions.startTwoFactorSetupAction(hostile);
      expect(result).toMatchObject({ ok: false, error: "INVALID" });
    }
    expect(await actions.confirmTwoFactorSetupAction({ code: "123456", userId: victim.id })).toMatchObject({
      ok: false,
      error: "INVALID",
    });
    for (const bad of [
      { code: "12345" },
      { code: "<script>" },
      { code: { not: null } },
      { code: "1".repeat(5000) },
      null,
    ]) {
      expect(await actions.confirmTwoFactorSetupAction(bad)).toMatchObject({ ok: false, error: "INVALID" });
    }
    expect(
      await database.prisma.user.findUniqueOrThrow({ where: { id: victim.id }, select: twoFactorColumns }),
    ).toEqual(victimBefore);
  });

  it("set up two-factor for the caller only", async () => {
    signInAs(me);
    expect(await actions.startTwoFactorSetupAction({})).toEqual({ ok: true, data: { started: true } });
    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: me.id }, select: twoFactorColumns });
    const secret = open(row.totpSecret!, `user:${me.id}:totp`);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    expect(await actions.confirmTwoFactorSetupAction({ code })).toEqual({ ok: true, data: { enabled: true } });
    expect(await actions.confirmTwoFactorSetupAction({ code })).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "ALREADY_ENABLED",
      field: "code",
    });
    expect(await actions.disableTwoFactorAction({ code })).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "CODE_INVALID",
      field: "code",
    });
    expect(
      (await database.prisma.user.findUniqueOrThrow({ where: { id: victim.id }, select: twoFactorColumns })).totpSecret,
    ).toBeNull();
  });

  it("let a user held at two-factor set-up set it up, and nothing else", async () => {
    signInAs(victim, { needsTwoFactorEnrolment: true });
    expect(await actions.disableTwoFactorAction({ code: "123456" })).toEqual({ ok: false, error: "FORBIDDEN" });
    expect(await actions.startTwoFactorSetupAction({})).toEqual({ ok: true, data: { started: true } });
  });

  it("answer an unexpected failure with a code only", async () => {
    signInAs({ id: "no-such-user", email: "ghost@test.example", name: "Ghost" });
    expect(await actions.confirmTwoFactorSetupAction({ code: "123456" })).toEqual({
      ok: false,
      error: "REJECTED",
      reason: "NO_SETUP",
      field: "code",
    });
    // A broken sealed value (e.g. a key that is gone): the caller learns nothing about why.
    await database.prisma.user.update({ where: { id: victim.id }, data: { totpSecret: "v1.000000000000.AAAA" } });
    signInAs(victim);
    expect(await actions.confirmTwoFactorSetupAction({ code: "123456" })).toEqual({ ok: false, error: "UNEXPECTED" });
  });
});
