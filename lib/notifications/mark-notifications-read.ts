import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { parseInput } from "@/lib/validation";

export const markNotificationsReadSchema = z.union([
  z.object({ notificationIds: z.array(z.uuid()).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);

/** Marks some of one's own notifications read, or all of them; other people's are never touched. */
export async function markNotificationsRead(actor: Actor, rawInput: z.input<typeof markNotificationsReadSchema>): Promise<{ marked: number }> {
  requirePermission(actor, "notifications.read");
  const input = parseInput(markNotificationsReadSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { recipientId: actor.id, readAt: null, ...("notificationIds" in input ? { id: { in: input.notificationIds } } : {}) },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      await recordAuditEvent(tx, actor, {
        action: "notifications.marked_read",
        entityType: "user",
        entityId: actor.id,
        after: "notificationIds" in input ? { notificationIds: input.notificationIds, marked: count } : { all: true, marked: count },
      });
    }
    return { marked: count };
  });
}
