import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

/** 200 when the database answers within two seconds, 503 otherwise. Says nothing else. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)),
    ]);
    return Response.json({ status: "ok", database: "reachable" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}
