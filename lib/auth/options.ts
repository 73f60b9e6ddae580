import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/env";
import { open } from "@/lib/crypto";
import { logger } from "@/lib/logger";
import { requestClientAddress } from "@/lib/security/client-address";
import { findUserForSignIn } from "./data";
import {
  openSignInAttempt,
  recordMalformedSignIn,
  recordPasswordVerified,
  recordSignInFailure,
  revokeUserSession,
  startUserSession,
  TotpStepUsedError,
  type FailureReason,
  type RequestMeta,
} from "./mutations";
import { hashPassword, verifyPassword } from "./password";
import { SESSION_LIFETIME_MS } from "./policy";
import { signInSchema, type SignInErrorCode } from "./schema";
import { matchTotpCode, totpSealContext } from "./totp";

export type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function firstHeader(headers: HeaderBag, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Where the try came from. The client address decides the per-address limit, so it is only
 * what the trusted proxies wrote (TRUSTED_PROXY_HOPS) or, with none, the socket's peer; never
 * the client's own X-Forwarded-For.
 */
function requestMeta(headers: HeaderBag): RequestMeta {
  const ipAddress = requestClientAddress((name) => headers?.[name]);
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

/** Thrown with one of SIGN_IN_ERRORS (schema.ts) as its message, which next-auth passes on as `error`. */
export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = "SignInError";
  }
}

async function checkCredentials(credentials: unknown, meta: RequestMeta, now: Date) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) {
    const email = signInSchema.shape.email.safeParse((credentials as { email?: unknown } | null | undefined)?.email);
    await recordMalformedSignIn(email.success ? email.data : null, meta, now);
    return null;
  }
  const { email, password, code } = parsed.data;
  const { attemptId, refusal } = await openSignInAttempt(email, meta, now);
  const fail = (reason: FailureReason) => recordSignInFailure({ attemptId, email, reason, ipAddress: meta.ipAddress });

  // A locked account or a throttled client address: refused before the password is looked at,
  // with one answer for both and for unknown e-mail addresses alike.
  if (refusal) {
    await fail(refusal);
    throw new SignInError("TOO_MANY_ATTEMPTS");
  }
  const user = await findUserForSignIn(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  // One answer for unknown e-mail, wrong password and disabled account.
  if (!user || !user.passwordHash || !passwordOk || user.disabledAt) {
    await fail("INVALID_CREDENTIALS");
    return null;
  }

  // From here on the password is known to be right, so saying a code is needed reveals nothing.
  let totpStep: number | null = null;
  if (user.totpEnabledAt) {
    if (!code) {
      await recordPasswordVerified(attemptId, user.id, meta);
      throw new SignInError("TOTP_REQUIRED");
    }
    totpStep = user.totpSecret
      ? matchTotpCode(open(user.totpSecret, totpSealContext(user.id)), code, now, user.totpLastUsedStep)
      : null;
    if (totpStep === null) {
      await fail("TOTP_INVALID");
      throw new SignInError("TOTP_INVALID");
    }
  }
  try {
    const session = await startUserSession({ userId: user.id, attemptId, meta, totpStep, now });
    return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
  } catch (error) {
    if (!(error instanceof TotpStepUsedError)) throw error;
    await fail("TOTP_INVALID"); // the same code, used by a concurrent sign-in
    throw new SignInError("TOTP_INVALID");
  }
}

/**
 * The Credentials provider's check. Every try leaves a SignInAttempt row and an audit event;
 * success also opens a UserSession row. Null for an unknown e-mail, a wrong password and a
 * disabled account alike; a SignInError (fixed code) for a lockout or a throttled client address,
 * which unknown e-mail addresses get too, and for the code step, which only comes after the
 * right password. Anything unexpected becomes "UNEXPECTED": next-auth would otherwise send the
 * error's own message to the browser.
 */
export async function authorizeCredentials(credentials: unknown, headers: HeaderBag, now = new Date()) {
  try {
    return await checkCredentials(credentials, requestMeta(headers), now);
  } catch (error) {
    if (error instanceof SignInError) throw error;
    logger.error({ err: error }, "sign-in failed unexpectedly");
    throw new SignInError("UNEXPECTED");
  }
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
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
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
