/** /api/health: 200 while the database answers, 503 once it does not, and nothing more. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pointAppAt } from "../support/app-env";
import { openTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  pointAppAt(database.url);
});

afterAll(async () => {
  await database.close().catch(() => {});
});

describe("GET /api/health", () => {
  it("answers 200 when the database is reachable, and is never cached", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers 503 without details when the database is gone", async () => {
    const { GET } = await import("@/app/api/health/route");
    await database.close();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
