/**
 * `npx tsx scripts/bench-sign-in.ts`: the time of `authorizeCredentials` (argon2id 19 MiB, 2 passes,
 * lockout count, session row, audit event) against real PostgreSQL, in a scratch database that is
 * dropped afterwards. BENCH_DATABASE_URL: a server URL whose user may create databases.
 */
import { applyMigrations } from "../lib/db/migrations";
import { createScratchDatabase, useDatabaseInProcess } from "./bench-database";

const scratch = await createScratchDatabase();

try {
  await applyMigrations(scratch.url);
  const prisma = useDatabaseInProcess(scratch.url);
  const { hashPassword } = await import("../lib/auth/password");
  const { authorizeCredentials } = await import("../lib/auth/options");
  const password = "correct horse battery staple";
  await prisma.user.create({
    data: { email: "bench@test.example", name: "Bench", passwordHash: await hashPassword(password) },
  });
  const headers = { "x-forwarded-for": "203.0.113.1" };

  const measure = async (label: string, email: (i: number) => string) => {
    await authorizeCredentials({ email: email(-1), password }, headers); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      await authorizeCredentials({ email: email(i), password }, headers).catch(() => null);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
    console.log(`${label.padEnd(8)} n=20  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
  };
  await measure("success", () => "bench@test.example");
  // Unknown addresses (a new one each time, so none is locked): the decoy hash keeps them as slow.
  await measure("unknown", (i) => `nobody-${i}@test.example`);
  await prisma.$disconnect();
} finally {
  await scratch.drop();
}
