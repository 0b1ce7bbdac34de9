import { z } from "zod";
import { getDb } from "@/lib/db";
import { UserStatus } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalid, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockUserManagement } from "@/lib/users/lock-user-management";

export const setUserStatusSchema = z.object({ userId: z.uuid(), status: z.enum(UserStatus) });

/**
 * Admins disable or re-enable an account; a disabled user is refused on their next request, and the
 * sessions they held stay revoked if the account is enabled again.
 */
export async function setUserStatus(actor: Actor, rawInput: z.input<typeof setUserStatusSchema>) {
  requirePermission(actor, "users.manage");
  const input = parseInput(setUserStatusSchema, rawInput);
  if (input.userId === actor.id) throw invalid({ key: "cannotDisableSelf" });
  return getDb().$transaction(async (tx) => {
    await lockUserManagement(tx, actor);
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw notFound("user");
    if (user.status === input.status) return { id: user.id, status: user.status };
    const updated = await tx.user.update({ where: { id: user.id }, data: { status: input.status, sessionVersion: { increment: 1 } } });
    await recordAuditEvent(tx, actor, {
      action: "user.status_changed",
      entityType: "user",
      entityId: user.id,
      before: { status: user.status },
      after: { status: updated.status },
    });
    return { id: updated.id, status: updated.status };
  });
}
