import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict } from "@/lib/errors";
import { parseInput, reason, refuseField } from "@/lib/validation";
import { withConfirmation } from "@/lib/users/password-policy";

export const changePasswordSchema = withConfirmation({
  currentPassword: z.string({ error: reason("typeCurrentPassword") }).min(1, reason("typeCurrentPassword")).max(1024),
});

/**
 * Every signed-in person changes their own password, giving the current one. It signs them out
 * everywhere, this browser included (the session version moves on and every session row goes), so
 * a session someone else holds ends too. A refusal writes nothing.
 */
export async function changePassword(actor: Actor, rawInput: z.input<typeof changePasswordSchema>) {
  requirePermission(actor, "account.update");
  const input = parseInput(changePasswordSchema, rawInput);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw refuseField("currentPassword", "notCurrentPassword");
  }
  if (input.newPassword === input.currentPassword) {
    throw refuseField("newPassword", "samePassword");
  }
  if (input.newPassword.trim().toLowerCase() === user.email) {
    throw refuseField("newPassword", "passwordIsEmail");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the password that was checked: a change made meanwhile (another tab, a reset) wins.
    const changed = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, status: "active" },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw conflict({ key: "passwordChangedMeanwhile" });
    await tx.userSession.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(tx, actor, { action: "user.password_changed", entityType: "user", entityId: user.id, after: { signedOutEverywhere: true } });
    return { signedOut: true as const };
  });
}
