import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { findAssignee } from "@/lib/assignments/find-assignee";
import { createNotifications } from "@/lib/notifications/create-notifications";

export const assignClaimSchema = z.object({
  claimId: z.uuid(),
  /** null takes the claim away from whoever had it. */
  assigneeId: z.uuid().nullable(),
});

/** Hands a claim to an editor (or to nobody); the new assignee is notified. */
export async function assignClaim(actor: Actor, rawInput: z.input<typeof assignClaimSchema>): Promise<{ claimId: string; changed: boolean }> {
  requirePermission(actor, "assignments.write");
  const input = parseInput(assignClaimSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, statement: true } });
    if (!claim) throw notFound("claim");
    const assignee = input.assigneeId ? await findAssignee(tx, input.assigneeId, "claims.write", "workOnClaims") : null;
    return { claimId: claim.id, changed: await assignClaimInTransaction(tx, actor, claim, assignee?.id ?? null) };
  });
}

/** The assignment itself, shared with bulk assignment; the claim exists and the assignee was checked. */
export async function assignClaimInTransaction(tx: Tx, actor: Actor, claim: { id: string; statement: string }, assigneeId: string | null): Promise<boolean> {
  const before = await tx.claimAssignment.findUnique({ where: { claimId: claim.id }, select: { assigneeId: true } });
  if ((before?.assigneeId ?? null) === assigneeId) return false;
  if (assigneeId) {
    await tx.claimAssignment.upsert({
      where: { claimId: claim.id },
      create: { claimId: claim.id, assigneeId, assignedById: actor.id },
      update: { assigneeId, assignedById: actor.id, assignedAt: new Date() },
    });
    await createNotifications(tx, actor, { kind: "claim_assigned", recipientIds: [assigneeId], claimId: claim.id, excerpt: claim.statement });
  } else {
    await tx.claimAssignment.delete({ where: { claimId: claim.id } });
  }
  await recordAuditEvent(tx, actor, {
    action: assigneeId ? "claim.assigned" : "claim.unassigned",
    entityType: "claim",
    entityId: claim.id,
    before: { assigneeId: before?.assigneeId ?? null },
    after: { assigneeId },
  });
  return true;
}
