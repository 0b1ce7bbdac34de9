import { getDb, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** Idle timeout and absolute lifetime of a session, from SESSION_IDLE_MINUTES and SESSION_MAX_HOURS. */
export function sessionLimits(): { idleMs: number; maxMs: number } {
  const env = getEnv();
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session row for a successful sign-in, and drops this user's sessions that have ended. */
export async function startSession(tx: Tx, userId: string, now = new Date()): Promise<string> {
  const { idleMs, maxMs } = sessionLimits();
  await tx.userSession.deleteMany({
    where: { userId, OR: [{ createdAt: { lt: new Date(now.getTime() - maxMs) } }, { lastSeenAt: { lt: new Date(now.getTime() - idleMs) } }] },
  });
  const session = await tx.userSession.create({ data: { userId, createdAt: now, lastSeenAt: now } });
  return session.id;
}

/**
 * True while the session is alive: it exists for this user, was used within the idle timeout and
 * began within the absolute lifetime. Marks it as used now (at most once a minute).
 */
export async function touchSession(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const db = getDb();
  const session = await db.userSession.findUnique({ where: { id: sessionId } });
  if (!session || session.userId !== userId) return false;
  const { idleMs, maxMs } = sessionLimits();
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) return false;
  if (now.getTime() - session.createdAt.getTime() > maxMs) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - TOUCH_EVERY_MS) } }, data: { lastSeenAt: now } });
  }
  return true;
}
