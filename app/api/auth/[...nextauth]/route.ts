import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are built per first request, not at import, so `next build` needs no secrets.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // next-auth answers /session from the signed cookie alone; a cookie whose session row was
  // closed (sign-out, disabled user, timeout) must not still read as signed in here.
  if (request.method === "GET" && nextauth.join("/") === "session" && !(await getCurrentUser())) {
    return Response.json({}, { headers: { "Cache-Control": "private, no-store" } });
  }
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
