import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}

/** The address the request came from: the one address lib/auth/client-address.ts left in the header (the front server, scripts/serve/front-server.ts, sets it from the connection). */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : typeof forwarded === "string" ? forwarded : "";
  return value.split(",").map((part) => part.trim()).filter(Boolean).at(-1) ?? "unknown";
}

// JWT sessions carry the user id and a session version only. Role and status are re-read from the
// database on every request (lib/auth/get-actor.ts), so a demoted or disabled user loses access at once.
export function getAuthOptions(): AuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await verifyCredentials(credentials, clientAddress(req.headers));
            return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
          } catch (error) {
            // next-auth passes a thrown message to the sign-in page; only expected ones may go there.
            if (isDomainError(error)) throw new Error(error.message);
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
        }
        // Keep only what identifies the session: next-auth adds name, email and picture by default.
        return { sub: token.sub, sessionVersion: token.sessionVersion, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub ?? "", sessionVersion: token.sessionVersion ?? -1 };
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
