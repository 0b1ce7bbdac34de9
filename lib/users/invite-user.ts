import { z } from "zod";
import { getDb } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict } from "@/lib/errors";
import { parseInput, reason } from "@/lib/validation";
import { lockUserManagement } from "@/lib/users/lock-user-management";
import { accountLinkExpiry, accountLinkPath, newAccountLinkToken } from "@/lib/users/account-link-token";

export const inviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Give a valid email address.").max(254),
  name: z.string().trim().min(1, reason("giveName")).max(200, reason("nameTooLong")),
  role: z.enum(Role, { error: reason("chooseRole") }),
});

/**
 * Admins invite a person: a one-use, expiring link (ACCOUNT_LINK_HOURS) that creates the account,
 * with this email, name and role, once the person chooses a password. The admin never picks the
 * password. The token is returned once, for the admin to pass on; only its hash is stored. A newer
 * invitation for the same email replaces the older ones.
 */
export async function inviteUser(actor: Actor, rawInput: z.input<typeof inviteUserSchema>) {
  requirePermission(actor, "users.manage");
  const input = parseInput(inviteUserSchema, rawInput);
  const { token, tokenHash } = newAccountLinkToken();
  return getDb().$transaction(async (tx) => {
    await lockUserManagement(tx, actor);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw conflict({ key: "emailTaken" });
    }
    const now = new Date();
    const replaced = await tx.accountLink.updateMany({
      where: { kind: "invitation", email: input.email, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const link = await tx.accountLink.create({
      data: { kind: "invitation", tokenHash, email: input.email, name: input.name, role: input.role, createdById: actor.id, createdAt: now, expiresAt: accountLinkExpiry(now) },
    });
    await recordAuditEvent(tx, actor, {
      action: "user.invited",
      entityType: "account_link",
      entityId: link.id,
      after: { email: input.email, name: input.name, role: input.role, expiresAt: link.expiresAt.toISOString(), replacedLinks: replaced.count },
    });
    return { linkId: link.id, email: input.email, path: accountLinkPath(token), expiresAt: link.expiresAt.toISOString() };
  });
}
