import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getAuthSecret, getEnv } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { clientAddressFromHeaders } from "@/lib/auth/client-address";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { cookieFromHeader, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/device-token";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
    sessionId: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** The user_sessions row of this sign-in: idle timeout and absolute lifetime are checked against it. */
    sid?: string;
  }
}

/**
 * Gives the browser its device cookie (or refreshes it) after a successful sign-in. Runs inside
 * next-auth's route handler, where Next adds cookies set here to the response.
 */
async function rememberDevice(token: string): Promise<void> {
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  (await cookies()).set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS });
}

// JWT sessions carry the user id, a session version and the id of their user_sessions row only. Role
// and status are re-read from the database on every request (lib/auth/get-actor.ts), so a demoted or
// disabled user loses access at once; the session row gives the idle timeout (SESSION_IDLE_MINUTES)
// and the absolute lifetime (SESSION_MAX_HOURS), which the token's own expiry also never exceeds.
export function getAuthOptions(): AuthOptions {
  const maxAge = getEnv().SESSION_MAX_HOURS * 60 * 60;
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge },
    // next-auth signs the sign-in token with jwt.maxAge (30 days unless set), not session.maxAge.
    jwt: { maxAge },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await verifyCredentials(credentials, clientAddressFromHeaders(req.headers), cookieFromHeader(req.headers?.cookie, DEVICE_COOKIE));
            if (!user) return null;
            await rememberDevice(user.deviceToken);
            return { id: user.id, sessionVersion: user.sessionVersion, sid: user.sessionId };
          } catch (error) {
            // next-auth passes a thrown message to the sign-in page; only expected ones may go there,
            // with their catalogue key, so that the page says them in the person's language.
            if (isDomainError(error)) throw new Error(JSON.stringify({ code: error.code, message: error.message, messageKey: error.messageKey }));
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      // After signing in or out, only ever back to this site: next-auth's default takes any URL that
      // starts with a slash as it is, and throws on some inputs (two backslashes and a host).
      redirect({ url, baseUrl }) {
        const absolute = URL.canParse(url) ? new URL(url) : null;
        const path = absolute?.origin === new URL(baseUrl).origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : url;
        return `${baseUrl}${safeCallbackUrl(path, "/")}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          token.sid = (user as { sid?: string }).sid;
        }
        // Keep only what identifies the session: next-auth adds name, email and picture by default.
        return { sub: token.sub, sessionVersion: token.sessionVersion, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub ?? "", sessionVersion: token.sessionVersion ?? -1, sessionId: token.sid ?? "" };
      },
    },
    events: {
      // Signing out bumps the session version, so every copy of this session's token stops working.
      async signOut({ token }) {
        if (token?.sub) await signOutEverywhere(token.sub);
      },
    },
  };
}
