import { describe, expect, it } from "vitest";
import { EnvError, launchEnvSchema, mailEnvSchema, parseEnv, proxyHopsWarning, serverEnvSchema } from "@/lib/env";

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
    expect(launchError({ DATABASE_URL: "postgresql://u@h/db" })).toMatch(
      /^Environment variable AUTH_SECRET must be set when DATABASE_URL is set .*; it is not set\.$/,
    );
    const text = launchError({
      DATABASE_URL: "postgresql://u@h/db",
      AUTH_SECRET: secret,
      IDENTITY_ENCRYPTION_KEY: "short-key",
    });
    expect(text).toMatch(/IDENTITY_ENCRYPTION_KEY must be 32 random bytes in base64/);
    expect(text).not.toContain("short-key");
  });

  it("accepts a complete production configuration", () => {
    const env = { DATABASE_URL: "postgresql://u:p@h:5432/db", AUTH_SECRET: secret, IDENTITY_ENCRYPTION_KEY: key };
    expect(parseEnv(launchEnvSchema, env).DATABASE_URL).toBe(env.DATABASE_URL);
    expect(parseEnv(serverEnvSchema, { ...env, APP_BASE_URL: "https://msc.example.org" }).DEMO_MODE).toBe("false");
  });

  it("takes the migrating owner's URL beside the app's, never alone, and never echoes its password", () => {
    const env = {
      DATABASE_URL: "postgresql://msc_app:p@h:5432/db",
      MIGRATION_DATABASE_URL: "postgresql://msc_owner:q@h:5432/db",
      AUTH_SECRET: secret,
      IDENTITY_ENCRYPTION_KEY: key,
    };
    expect(parseEnv(launchEnvSchema, env).MIGRATION_DATABASE_URL).toBe(env.MIGRATION_DATABASE_URL);
    expect(launchError({ MIGRATION_DATABASE_URL: env.MIGRATION_DATABASE_URL })).toMatch(
      /^Environment variable DATABASE_URL must be set when MIGRATION_DATABASE_URL is set .*; it is not set\.$/,
    );
    const text = launchError({ ...env, MIGRATION_DATABASE_URL: "mysql://msc_owner:secret-pw@h/db" });
    expect(text).toMatch(/^Environment variable MIGRATION_DATABASE_URL must be a PostgreSQL URL/);
    expect(text).not.toContain("secret-pw");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  const server = {
    DATABASE_URL: "postgresql://u:p@h:5432/db",
    AUTH_SECRET: secret,
    IDENTITY_ENCRYPTION_KEY: key,
    APP_BASE_URL: "https://msc.example.org",
  };

  it("is 0 (no proxy trusted) when not set or empty, at launch and in the server", () => {
    expect(parseEnv(launchEnvSchema, {}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv(launchEnvSchema, { TRUSTED_PROXY_HOPS: "" }).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv(serverEnvSchema, server).TRUSTED_PROXY_HOPS).toBe(0);
  });

  it.each([
    ["0", 0],
    ["1", 1],
    ["2", 2],
    ["10", 10],
  ])("reads %s as %i", (value, hops) => {
    expect(parseEnv(serverEnvSchema, { ...server, TRUSTED_PROXY_HOPS: value }).TRUSTED_PROXY_HOPS).toBe(hops);
    expect(parseEnv(launchEnvSchema, { TRUSTED_PROXY_HOPS: value }).TRUSTED_PROXY_HOPS).toBe(hops);
  });

  it.each(["-1", "1.5", "11", "one", "1e0", "0x1", " 1", "true", "1; drop table"])(
    "stops start-up on %j with one line naming it",
    (value) => {
      const text = launchError({ TRUSTED_PROXY_HOPS: value });
      expect(text).toMatch(
        /^Environment variable TRUSTED_PROXY_HOPS must be a whole number from 0 to 10 \(how many proxies in front of the app append to X-Forwarded-For\); got ".*"\.$/,
      );
      expect(text.split("\n")).toHaveLength(1);
      expect(() => parseEnv(serverEnvSchema, { ...server, TRUSTED_PROXY_HOPS: value })).toThrow(EnvError);
    },
  );

  it("warns at start-up when an https address implies a proxy that is not trusted", () => {
    expect(proxyHopsWarning({ APP_BASE_URL: "https://msc.example.org", TRUSTED_PROXY_HOPS: 0 })).toMatch(
      /^APP_BASE_URL is https but TRUSTED_PROXY_HOPS is 0/,
    );
    expect(proxyHopsWarning({ APP_BASE_URL: "HTTPS://msc.example.org", TRUSTED_PROXY_HOPS: 0 })).not.toBeNull();
    expect(proxyHopsWarning({ APP_BASE_URL: "https://msc.example.org", TRUSTED_PROXY_HOPS: 1 })).toBeNull();
    expect(proxyHopsWarning({ APP_BASE_URL: "http://localhost:3000", TRUSTED_PROXY_HOPS: 0 })).toBeNull();
    expect(proxyHopsWarning({ APP_BASE_URL: undefined, TRUSTED_PROXY_HOPS: 0 })).toBeNull();
  });
});

describe("outgoing mail settings", () => {
  function mailError(env: Record<string, string>): string {
    try {
      parseEnv(mailEnvSchema, env);
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      return (error as Error).message;
    }
    throw new Error("expected an error");
  }

  it("is optional: nothing set means links are shown, not sent", () => {
    expect(parseEnv(mailEnvSchema, {})).toEqual({});
  });

  it("accepts smtp:// and smtps:// with a sender", () => {
    const env = { SMTP_URL: "smtps://user:pass@mail.example.org:465", MAIL_FROM: "MSC <no-reply@example.org>" };
    expect(parseEnv(mailEnvSchema, env)).toEqual(env);
  });

  it("needs both or neither", () => {
    expect(mailError({ SMTP_URL: "smtp://mail.example.org" })).toMatch(
      /^Environment variable MAIL_FROM must be set when SMTP_URL is set/,
    );
    expect(mailError({ MAIL_FROM: "no-reply@example.org" })).toMatch(
      /^Environment variable SMTP_URL must be set when MAIL_FROM is set/,
    );
  });

  it("refuses another scheme without echoing the password in it", () => {
    const text = mailError({ SMTP_URL: "https://user:hunter2@mail.example.org", MAIL_FROM: "no-reply@example.org" });
    expect(text).toMatch(/^Environment variable SMTP_URL must be an SMTP URL/);
    expect(text).not.toContain("hunter2");
  });
});
