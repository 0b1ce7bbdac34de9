import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { invalid, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockUserManagement } from "@/lib/users/lock-user-management";
import { accountLinkExpiry, accountLinkPath, newAccountLinkToken } from "@/lib/users/account-link-token";

export const createResetLinkSchema = z.object({ userId: z.uuid() });

/**
 * Admins give a person who forgot their password a one-use, expiring link to choose a new one. The
 * current password keeps working until the link is used. A newer link replaces older ones. The
 * token is returned once; only its hash is stored.
 */
export async function createResetLink(actor: Actor, rawInput: z.input<typeof createResetLinkSchema>) {
  requirePermission(actor, "users.manage");
  const input = parseInput(createResetLinkSchema, rawInput);
  if (input.userId === actor.id) throw invalid({ key: "ownPasswordOnAccountPage" });
  const { token, tokenHash } = newAccountLinkToken();
  return getDb().$transaction(async (tx) => {
    await lockUserManagement(tx, actor);
    const user = await tx.user.findUnique({ where: { id: input.userId } });
    if (!user) throw notFound("user");
    if (user.status !== "active") throw invalid({ key: "accountDisabledNoReset", params: { name: user.name } });
    const now = new Date();
    const replaced = await tx.accountLink.updateMany({
      where: { kind: "password_reset", userId: user.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const link = await tx.accountLink.create({
      data: { kind: "password_reset", tokenHash, userId: user.id, createdById: actor.id, createdAt: now, expiresAt: accountLinkExpiry(now) },
    });
    await recordAuditEvent(tx, actor, {
      action: "user.reset_link_created",
      entityType: "user",
      entityId: user.id,
      after: { linkId: link.id, expiresAt: link.expiresAt.toISOString(), replacedLinks: replaced.count },
    });
    return { linkId: link.id, email: user.email, path: accountLinkPath(token), expiresAt: link.expiresAt.toISOString() };
  });
}
