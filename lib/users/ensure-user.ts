import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * For setup scripts only (the seed), never reachable from app/: creates the account if no account
 * has that email. Returns whether it was created, so the caller prints a generated password once.
 */
export async function ensureUser(input: {
  email: string;
  name: string;
  role: Role;
  password: string;
}): Promise<{ id: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return { id: existing.id, created: false };
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: input.name, role: input.role, passwordHash } });
    await recordAuditEvent(tx, null, {
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      after: { email, name: input.name, role: input.role },
    });
    return { id: user.id, created: true };
  });
}
