import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";

/**
 * The signed-in user of this request, re-read from the database on every call, so that a demoted,
 * disabled or signed-out-everywhere user loses access at once, and a session past its idle timeout
 * or absolute lifetime ends.
 */
export async function getActor(): Promise<Actor | null> {
  // Reading the request first also marks every caller as dynamic: nothing here can be prerendered.
  const requestId = (await headers()).get("x-request-id") ?? randomUUID();
  const session = await getServerSession(getAuthOptions());
  // A token without a session id predates server-side sessions: it is not honoured.
  if (!session?.userId || !session.sessionId) return null;
  return loadActor(session.userId, requestId, session.sessionVersion, session.sessionId);
}
