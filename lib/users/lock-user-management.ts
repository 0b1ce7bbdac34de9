import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";

// Advisory lock namespace of role and status changes (the two-key form; sign-in uses 1 and 2).
const USER_MANAGEMENT_LOCK = 3;

/**
 * The first step of every role or status change: runs such changes one at a time, then re-reads the
 * acting admin under that lock. The actor was loaded when the request began and may have been
 * demoted or disabled since, e.g. by the admin they are demoting at this very moment. An admin never
 * changes their own account, so a change that passes here leaves its actor an active admin: the
 * newsroom always keeps one. Relies on READ COMMITTED (the default), so that the statements after
 * the lock see what the previous holder committed.
 */
export async function lockUserManagement(tx: Tx, actor: Actor): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USER_MANAGEMENT_LOCK}::int, 0)`;
  const current = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, status: true } });
  if (!can(current, "users.manage")) throw forbidden({ key: "noLongerAdmin" });
}
