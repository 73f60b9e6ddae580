import { databaseAnswers } from "@/lib/db/health";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2000;

/** 200 when the database answers within two seconds, 503 otherwise. Says nothing else. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (await databaseAnswers(TIMEOUT_MS)) return Response.json({ status: "ok", database: "reachable" }, { headers });
  return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
}
