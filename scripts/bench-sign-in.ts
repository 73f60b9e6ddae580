/**
 * `npx tsx scripts/bench-sign-in.ts`: the time of `authorizeCredentials` (argon2id 19 MiB, 2 passes,
 * lockout count, session row, audit event) against real PostgreSQL, in a scratch database that is
 * dropped afterwards. BENCH_DATABASE_URL: a server URL whose user may create databases.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../lib/db/migrations";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `msc_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
Object.assign(process.env, {
  DATABASE_URL: url,
  AUTH_SECRET: "b".repeat(40),
  APP_BASE_URL: "http://localhost:3000",
  LOG_LEVEL: "silent",
});
process.env.IDENTITY_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

try {
  await applyMigrations(url);
  const { db } = await import("../lib/db");
  const { hashPassword } = await import("../lib/auth/password");
  const { authorizeCredentials } = await import("../lib/auth/options");
  const password = "correct horse battery staple";
  await db().user.create({
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
  await db().$disconnect();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
