import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, nextSequence, type WithId } from "./ids";

/** A user with a unique lower-case e-mail and no password (set `passwordHash` to sign in). */
export function buildUser(overrides: Partial<Prisma.UserCreateManyInput> = {}): WithId<Prisma.UserCreateManyInput> {
  const n = nextSequence();
  const email = (overrides.email ?? `user-${n}-${newId().slice(-6)}@test.example`).toLowerCase();
  return {
    name: `Test user ${n}`,
    locale: "ES",
    isAdmin: false,
    passwordHash: null,
    ...overrides,
    email,
    id: overrides.id ?? newId(),
  };
}
