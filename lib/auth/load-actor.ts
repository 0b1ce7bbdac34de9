import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/**
 * The user as an actor, read fresh from the database: null when missing, disabled, or when the
 * session that names it carries a revoked session version.
 */
export async function loadActor(
  userId: string,
  requestId: string,
  sessionVersion?: number,
): Promise<Actor | null> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user || user.status !== "active") return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status, requestId };
}
