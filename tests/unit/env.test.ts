import { describe, expect, it } from "vitest";
import { EnvError, launchEnvSchema, parseEnv, serverEnvSchema } from "@/lib/env";

const key = Buffer.alloc(32, 7).toString("base64");
const secret = "s".repeat(40);

function launchError(env: Record<string, string>): string {
  try {
    parseEnv(launchEnvSchema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("environment", () => {
  it("runs a first look with nothing set: embedded database, port 3000, data in .data", () => {
    const env = parseEnv(launchEnvSchema, {});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty value as not set", () => {
    expect(parseEnv(launchEnvSchema, { DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /^Environment variable PORT must be a whole number from 1 to 65535; got "abc"\.$/],
    [{ PORT: "70000" }, /PORT must be a whole number from 1 to 65535; got "70000"/],
    [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ APP_BASE_URL: "not a url" }, /APP_BASE_URL must be an absolute URL/],
    [{ LOG_LEVEL: "loud" }, /^Environment variable LOG_LEVEL must be/],
  ])("names the variable and what is expected for %j", (env, message) => {
    const text = launchError(env);
    expect(text).toMatch(message);
    expect(text.split("\n")).toHaveLength(1);
  });

  it("requires the operator's own secrets on a real database, and never echoes them", () => {
    expect(launchError({ DATABASE_URL: "postgresql://u@h/db" })).toMatch(/^Environment variable AUTH_SECRET must be set when DATABASE_URL is set .*; it is not set\.$/);
    const text = launchError({ DATABASE_URL: "postgresql://u@h/db", AUTH_SECRET: secret, IDENTITY_ENCRYPTION_KEY: "short-key" });
    expect(text).toMatch(/IDENTITY_ENCRYPTION_KEY must be 32 random bytes in base64/);
    expect(text).not.toContain("short-key");
  });

  it("accepts a complete production configuration", () => {
    const env = { DATABASE_URL: "postgresql://u:p@h:5432/db", AUTH_SECRET: secret, IDENTITY_ENCRYPTION_KEY: key };
    expect(parseEnv(launchEnvSchema, env).DATABASE_URL).toBe(env.DATABASE_URL);
    expect(parseEnv(serverEnvSchema, { ...env, APP_BASE_URL: "https://msc.example.org" }).DEMO_MODE).toBe("false");
  });
});
