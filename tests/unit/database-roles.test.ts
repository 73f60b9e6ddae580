/** Which role a connection string names decides whether the app role is granted its rights. */
import { describe, expect, it } from "vitest";
import { grantAfterMigration, roleOfUrl } from "@/lib/db/roles";

describe("database roles", () => {
  it("reads the role from a connection string, percent-decoded, or none", () => {
    expect(roleOfUrl("postgresql://msc_app:pw@localhost:5432/msc")).toBe("msc_app");
    expect(roleOfUrl("postgresql://app%2Drole@localhost/msc")).toBe("app-role");
    expect(roleOfUrl("postgresql://localhost/msc")).toBeNull();
    expect(roleOfUrl("not a url")).toBeNull();
  });

  it("grants nothing when one role both migrates and serves (the demo, development)", async () => {
    // Same role: no connection is even opened (the port is closed).
    await expect(
      grantAfterMigration("postgresql://msc:a@127.0.0.1:1/x", "postgresql://msc:b@127.0.0.1:1/x"),
    ).resolves.toBeNull();
    await expect(
      grantAfterMigration("postgresql://msc@127.0.0.1:1/x", "postgresql://127.0.0.1:1/x"),
    ).resolves.toBeNull();
  });
});
