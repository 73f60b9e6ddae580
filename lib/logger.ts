/**
 * The server log (pino, JSON lines). Never log transcript text, identities, passwords or tokens:
 * `redact` removes the usual suspects if they slip into an object.
 */
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "passwordHash",
      "*.passwordHash",
      "totpSecret",
      "*.totpSecret",
      "transcript*",
      "*.transcript*",
    ],
    censor: "[redacted]",
  },
});
