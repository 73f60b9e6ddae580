/**
 * Environment variables, validated once. A bad value stops start-up with one line that names the
 * variable and says what is expected (see `.env.example` for every variable).
 */
import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, "a PostgreSQL URL such as postgresql://user:password@host:5432/msc");

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(value), {
    message: "32 random bytes in base64 (for example: openssl rand -base64 32)",
  });

const secret = z.string().min(32, "at least 32 characters (for example: openssl rand -base64 32)");

const port = z.coerce
  .number({ message: "a whole number from 1 to 65535" })
  .int("a whole number from 1 to 65535")
  .min(1, "a whole number from 1 to 65535")
  .max(65535, "a whole number from 1 to 65535");

/**
 * How many proxies in front of the app append to X-Forwarded-For (lib/security/client-address.ts).
 * 0: none, so the header is ignored. A string of digits only: "1e0" or "0x1" is a typo here.
 */
const trustedProxyHops = z
  .string()
  .regex(
    /^(?:[0-9]|10)$/,
    "a whole number from 0 to 10 (how many proxies in front of the app append to X-Forwarded-For)",
  )
  .transform(Number)
  .default(0);

/** The most app processes one machine runs (lib/launch/workers.ts); beyond that, add machines. */
export const MAX_WEB_CONCURRENCY = 16;

/**
 * How many app processes `npm start` runs on the port; unset means one per core. Digits only, as
 * for the proxy hops: "2.5" or "0x2" is a typo, not a request.
 */
const webConcurrency = z
  .string()
  .regex(
    /^(?:[1-9]|1[0-6])$/,
    `a whole number from 1 to ${MAX_WEB_CONCURRENCY} (how many app processes serve the port; unset: one per core)`,
  )
  .transform(Number)
  .optional();

/**
 * Outgoing mail is optional: with no SMTP_URL, invitation and set-up links are shown to the person
 * who created them, to pass on themselves. Both or neither.
 */
export const mailEnvSchema = z
  .object({
    SMTP_URL: z
      .url({ message: "an SMTP URL such as smtps://user:password@mail.example.org:465", protocol: /^smtps?$/ })
      .optional(),
    MAIL_FROM: z.string().min(3, 'a sender such as "MSC Evaluations <no-reply@example.org>"').max(320).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.MAIL_FROM)
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: "set when SMTP_URL is set (the sender of invitation e-mails)",
      });
    if (env.MAIL_FROM && !env.SMTP_URL)
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "set when MAIL_FROM is set (the server that sends the e-mails)",
      });
  });

export type MailEnv = z.infer<typeof mailEnvSchema>;

/** What the launcher needs before anything starts. Secrets may be absent only on the embedded database. */
export const launchEnvSchema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    // The owner of the tables, for migrations only; the app serves as DATABASE_URL's role
    // (lib/db/roles.ts). Unset: DATABASE_URL migrates too (the embedded demo, development).
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    PORT: port.default(3000),
    DATA_DIR: z.string().min(1, "a folder path").default(".data"),
    APP_BASE_URL: z.url({ message: "an absolute URL such as https://msc.example.org" }).optional(),
    AUTH_SECRET: secret.optional(),
    IDENTITY_ENCRYPTION_KEY: base64Key.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // Checked here too, so a typo stops start-up instead of failing the first sign-in.
    TRUSTED_PROXY_HOPS: trustedProxyHops,
    WEB_CONCURRENCY: webConcurrency,
  })
  .superRefine((env, ctx) => {
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "set when MIGRATION_DATABASE_URL is set (the app's own role on the same database)",
      });
    }
    if (!env.DATABASE_URL) return;
    // On a real server the secrets must be the operator's own, never generated.
    for (const key of ["AUTH_SECRET", "IDENTITY_ENCRYPTION_KEY"] as const) {
      if (!env[key])
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "set when DATABASE_URL is set (generated secrets are for the embedded demo only)",
        });
    }
  });

export type LaunchEnv = z.infer<typeof launchEnvSchema>;

/**
 * `next start` serves plain http, so an https APP_BASE_URL means a proxy terminates TLS in front
 * of the app; with TRUSTED_PROXY_HOPS at 0 the app cannot see client addresses, and sign-in
 * failures are limited per account only. Worth one line at start-up, not a refusal.
 */
export function proxyHopsWarning(env: Pick<LaunchEnv, "APP_BASE_URL" | "TRUSTED_PROXY_HOPS">): string | null {
  if (env.TRUSTED_PROXY_HOPS > 0 || !env.APP_BASE_URL?.toLowerCase().startsWith("https://")) return null;
  return "APP_BASE_URL is https but TRUSTED_PROXY_HOPS is 0: the app takes each connection's address for the client's, so behind a proxy every sign-in failure counts against the proxy's one address. Set TRUSTED_PROXY_HOPS to the number of proxies in front of the app (see .env.example).";
}

/** What the running server needs; the launcher always provides all of it. */
export const serverEnvSchema = z.object({
  DATABASE_URL: postgresUrl,
  AUTH_SECRET: secret,
  IDENTITY_ENCRYPTION_KEY: base64Key,
  APP_BASE_URL: z.url(),
  DEMO_MODE: z.enum(["true", "false"]).default("false"),
  /**
   * Set by the launcher for the embedded demo only: the origins it listens on (localhost,
   * 127.0.0.1, the machine's own addresses), comma-separated, accepted beside APP_BASE_URL's.
   */
  DEMO_ORIGINS: z.string().max(4000).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUSTED_PROXY_HOPS: trustedProxyHops,
  // The launcher always sets it to the number of workers it runs, so each can size its share of
  // database connections (lib/db.ts).
  WEB_CONCURRENCY: webConcurrency,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {}

/** Parses `source` with `schema`, or throws an EnvError whose message is one line. */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // An empty value means "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  const given = cleaned[name];
  // Never echo a secret, nor a URL that carries credentials (user:password@host).
  const hidden = /SECRET|KEY|PASSWORD/.test(name) || /:\/\/[^/]*@/.test(given ?? "");
  const shown = given === undefined ? "it is not set" : `got "${hidden ? "…" : given}"`;
  throw new EnvError(
    `Environment variable ${name} must be ${issue.message.replace(/^Invalid input: /, "")}; ${shown}.`,
  );
}

let cached: ServerEnv | undefined;

/** The server's environment, parsed on first use. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(serverEnvSchema, process.env);
  return cached;
}
