import { getDb } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Revokes every session token of a user (each one carries the old session version) and ends their session rows. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await tx.userSession.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, { id: userId }, {
      action: "user.signed_out_everywhere",
      entityType: "user",
      entityId: userId,
      after: { sessionVersion: user.sessionVersion },
    });
  });
}
