/** Points the app's server code (lib/db, lib/env) at a test database, as the launcher would. */
export function pointAppAt(databaseUrl: string, appBaseUrl = "http://localhost:3000"): void {
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "a".repeat(40),
    IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString("base64"),
    APP_BASE_URL: appBaseUrl,
  });
}
