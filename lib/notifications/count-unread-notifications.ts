import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

/** The number shown beside "Inbox" in the navigation. */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  requirePermission(actor, "notifications.read");
  return getDb().notification.count({ where: { recipientId: actor.id, readAt: null } });
}
