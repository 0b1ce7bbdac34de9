import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { claimBatchInput, lockClaimBatch } from "@/lib/claims/claim-batch";
import { assignClaimInTransaction } from "@/lib/assignments/assign-claim";
import { findAssignee } from "@/lib/assignments/find-assignee";

export const assignClaimsSchema = z.object({ claimIds: claimBatchInput, assigneeId: z.uuid().nullable() });

/** Hands many claims to one editor (or to nobody) in one transaction, one audit row per claim changed. */
export async function assignClaims(actor: Actor, rawInput: z.input<typeof assignClaimsSchema>): Promise<{ changed: number; unchanged: number }> {
  requirePermission(actor, "assignments.write");
  const input = parseInput(assignClaimsSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const claims = await lockClaimBatch(tx, input.claimIds);
    const assignee = input.assigneeId ? await findAssignee(tx, input.assigneeId, "claims.write", "workOnClaims") : null;
    let changed = 0;
    for (const claim of claims) if (await assignClaimInTransaction(tx, actor, claim, assignee?.id ?? null)) changed++;
    return { changed, unchanged: claims.length - changed };
  });
}
