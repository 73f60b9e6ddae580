import { hash, verify, type Algorithm } from "@node-rs/argon2";

// `Algorithm` is a const enum, which `isolatedModules` cannot read; 2 is `Algorithm.Argon2id`.
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id with 19 MiB of memory, 2 passes and 1 lane: OWASP's minimum recommended setting
 * (Password Storage Cheat Sheet). Raise it, never lower it; old hashes still verify because the
 * parameters are stored in each hash.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed hash; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
