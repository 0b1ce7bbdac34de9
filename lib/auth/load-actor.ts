import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { touchSession } from "@/lib/auth/user-sessions";
import { isLocale } from "@/lib/i18n/locales";

/**
 * The user as an actor, read fresh from the database: null when missing, disabled, when the session
 * that names it carries a revoked session version, or when that session (its user_sessions row) has
 * been idle too long, is older than the absolute lifetime, or is gone. Scripts and tests that act
 * for a user without a session pass neither.
 */
export async function loadActor(
  userId: string,
  requestId: string,
  sessionVersion?: number,
  sessionId?: string,
): Promise<Actor | null> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user || user.status !== "active") return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  if (sessionId !== undefined && !(await touchSession(sessionId, user.id))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status, requestId, interfaceLanguage: isLocale(user.interfaceLanguage) ? user.interfaceLanguage : null };
}
