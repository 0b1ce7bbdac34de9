import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";

export type PendingInvitation = { id: string; email: string; name: string; role: string; expiresAt: Date };

/** Invitations not used, replaced or expired yet, for the admin's users page. */
export async function listPendingInvitations(actor: Actor): Promise<PendingInvitation[]> {
  requirePermission(actor, "users.manage");
  const links = await getDb().accountLink.findMany({
    where: { kind: "invitation", usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, expiresAt: true },
  });
  return links.map((link) => ({ id: link.id, email: link.email!, name: link.name!, role: link.role!, expiresAt: link.expiresAt }));
}
