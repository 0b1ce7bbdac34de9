import { z } from "zod";
import { getDb } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalid, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockUserManagement } from "@/lib/users/lock-user-management";

export const changeUserRoleSchema = z.object({ userId: z.uuid(), role: z.enum(Role) });

/** Admins change a user's role; it takes effect on the user's next request (roles are re-read). */
export async function changeUserRole(actor: Actor, rawInput: z.input<typeof changeUserRoleSchema>) {
  requirePermission(actor, "users.manage");
  const input = parseInput(changeUserRoleSchema, rawInput);
  if (input.userId === actor.id) throw invalid({ key: "cannotChangeOwnRole" });
  return getDb().$transaction(async (tx) => {
    await lockUserManagement(tx, actor);
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw notFound("user");
    if (user.role === input.role) return { id: user.id, role: user.role };
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    await recordAuditEvent(tx, actor, {
      action: "user.role_changed",
      entityType: "user",
      entityId: user.id,
      before: { role: user.role },
      after: { role: updated.role },
    });
    return { id: updated.id, role: updated.role };
  });
}
