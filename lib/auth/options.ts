import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/env";
import { findUserForSignIn } from "./data";
import { recordFailedSignIn, revokeUserSession, startUserSession } from "./mutations";
import { hashPassword, verifyPassword } from "./password";
import { SESSION_LIFETIME_MS } from "./policy";
import { signInSchema } from "./schema";

export type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function firstHeader(headers: HeaderBag, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Kept for the record only (proxies can set these headers); never used to decide anything. */
function requestMeta(headers: HeaderBag) {
  const forwarded = firstHeader(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ipAddress = (forwarded || firstHeader(headers, "x-real-ip") || "unknown").slice(0, 64);
  const userAgent = firstHeader(headers, "user-agent")?.slice(0, 512) ?? null;
  return { ipAddress, userAgent };
}

// Verifying against a throwaway hash when the user is unknown keeps the answer time the same,
// so response times do not tell which e-mail addresses have accounts.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  return decoyHash;
}

/**
 * The Credentials provider's check. Every try leaves a SignInAttempt row; success also opens a
 * UserSession row. Null for every failure, whatever the cause.
 */
export async function authorizeCredentials(credentials: unknown, headers: HeaderBag) {
  const meta = requestMeta(headers);
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    const raw = (credentials as { email?: unknown } | undefined)?.email;
    await recordFailedSignIn(typeof raw === "string" ? raw.trim().toLowerCase().slice(0, 254) : "", meta);
    return null;
  }
  const { email, password } = parsed.data;
  const user = await findUserForSignIn(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  // One answer for unknown e-mail, wrong password and disabled account.
  if (!user || !user.passwordHash || !passwordOk || user.disabledAt) {
    await recordFailedSignIn(email, meta);
    return null;
  }
  const session = await startUserSession(user.id, user.email, meta);
  return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
}

let cached: AuthOptions | undefined;

/** Built on first use so that `next build` needs no environment. */
export function getAuthOptions(): AuthOptions {
  cached ??= {
    secret: serverEnv().AUTH_SECRET,
    pages: { signIn: "/sign-in" },
    session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers as HeaderBag),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is only present right after `authorize`; later calls keep the token as it is.
        if (user && "sessionId" in user && typeof user.sessionId === "string") {
          token.sid = user.sessionId;
          token.sub = user.id;
        }
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          user: { id: token.sub ?? "", name: token.name ?? "", email: token.email ?? "" },
          sid: typeof token.sid === "string" ? token.sid : "",
        };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string" && token.sid) await revokeUserSession(token.sid);
      },
    },
  };
  return cached;
}
