import { z } from "zod";
import { getDb } from "@/lib/db";
import { conflict, DomainError, englishMessage } from "@/lib/errors";
import { parseInput, refuseField } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { withConfirmation } from "@/lib/users/password-policy";
import { accountLinkToken, hashAccountLinkToken } from "@/lib/users/account-link-token";

export const redeemAccountLinkSchema = withConfirmation({ token: accountLinkToken });

const unusable = () => new DomainError("not_found", englishMessage({ key: "unusableLink" }), undefined, { key: "unusableLink" });

/**
 * The person who holds an invitation or reset link chooses their password (no session needed: the
 * link is the proof). An invitation creates the account; a reset replaces the password and signs
 * the account out everywhere. The link is then spent: used once, never again (the database refuses
 * to change a used link). Anything refused writes nothing.
 */
export async function redeemAccountLink(rawInput: z.input<typeof redeemAccountLinkSchema>) {
  const input = parseInput(redeemAccountLinkSchema, rawInput);
  const db = getDb();
  const tokenHash = hashAccountLinkToken(input.token);
  const found = await db.accountLink.findUnique({ where: { tokenHash } });
  if (!found || found.usedAt || found.revokedAt || found.expiresAt <= new Date()) throw unusable();
  // Hashed before the transaction: argon2 takes a while, and no lock waits for it.
  const passwordHash = await hashPassword(input.newPassword);

  return db.$transaction(async (tx) => {
    // The row lock makes two people redeeming one link at once take turns; the second finds it used.
    const [link] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM account_links
       WHERE id = ${found.id}::uuid AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         FOR UPDATE`;
    if (!link) throw unusable();
    const now = new Date();
    if (found.kind === "invitation") {
      const email = found.email!;
      if (input.newPassword.trim().toLowerCase() === email) throw refuseField("newPassword", "passwordIsEmail");
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        throw conflict({ key: "emailTakenSignIn" });
      }
      const user = await tx.user.create({ data: { email, name: found.name!, role: found.role!, passwordHash } });
      await tx.accountLink.update({ where: { id: found.id }, data: { usedAt: now, userId: user.id } });
      await recordAuditEvent(tx, { id: user.id }, {
        action: "user.created",
        entityType: "user",
        entityId: user.id,
        after: { email, name: user.name, role: user.role, invitation: found.id, invitedBy: found.createdById },
      });
      return { kind: found.kind, email };
    }
    const user = await tx.user.findUnique({ where: { id: found.userId! } });
    if (!user || user.status !== "active") throw unusable();
    if (input.newPassword.trim().toLowerCase() === user.email) throw refuseField("newPassword", "passwordIsEmail");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.userSession.deleteMany({ where: { userId: user.id } });
    await tx.accountLink.update({ where: { id: found.id }, data: { usedAt: now } });
    await recordAuditEvent(tx, { id: user.id }, {
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      after: { resetLink: found.id, linkCreatedBy: found.createdById },
    });
    return { kind: found.kind, email: user.email };
  });
}
