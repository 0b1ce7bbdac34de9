import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { parseInput } from "@/lib/validation";
import { claimBatchInput, lockClaimBatch, refuseBatch } from "@/lib/claims/claim-batch";
import { MAX_TAGS, tagListInput } from "@/lib/claims/update-claim";

export const tagClaimsSchema = z.object({
  claimIds: claimBatchInput,
  tags: tagListInput.refine((tags) => tags.length > 0, "name at least one tag"),
});

/**
 * Adds tags to many claims in one transaction, one audit row per claim that changed. A claim that
 * would end up with too many tags refuses the whole batch.
 */
export async function tagClaims(actor: Actor, rawInput: z.input<typeof tagClaimsSchema>): Promise<{ changed: number; unchanged: number }> {
  requirePermission(actor, "claims.write");
  const input = parseInput(tagClaimsSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const claims = await lockClaimBatch(tx, input.claimIds);
    const planned = claims.map((claim) => ({ claim, tags: [...new Set([...claim.tags, ...input.tags])] }));
    const refused = planned.filter((plan) => plan.tags.length > MAX_TAGS);
    if (refused.length > 0) refuseBatch(refused.map(({ claim, tags }) => ({ claimId: claim.id, statement: claim.statement, reason: "wouldHaveTooManyTags", params: { count: tags.length, maximum: MAX_TAGS } })));
    let changed = 0;
    for (const { claim, tags } of planned) {
      if (tags.length === claim.tags.length) continue;
      await tx.claim.update({ where: { id: claim.id }, data: { tags, version: { increment: 1 } } });
      await recordAuditEvent(tx, actor, {
        action: "claim.updated",
        entityType: "claim",
        entityId: claim.id,
        before: { version: claim.version, tags: claim.tags },
        after: { version: claim.version + 1, tags },
      });
      changed++;
    }
    return { changed, unchanged: claims.length - changed };
  });
}
