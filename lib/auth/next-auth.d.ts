// What this app adds to next-auth's types (see options.ts).
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session extends Omit<DefaultSession, "user"> {
    user: { id: string; name: string; email: string };
    /** The `UserSession` row behind this sign-in. */
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
