import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { claimBatchInput, lockClaimBatch, refuseBatch, type Refusal } from "@/lib/claims/claim-batch";
import { insertRelation, relationInputSchema } from "@/lib/relations/relate-claims";

export const relateClaimsToOneSchema = z.object({
  claimIds: claimBatchInput,
  /** The one claim every selected claim is linked to. */
  toClaimId: z.uuid(),
  type: relationInputSchema.shape.type,
  rationale: relationInputSchema.shape.rationale,
});

/**
 * Links each selected claim to one claim ("supports", "contradicts" or "same claim as" it), in one
 * transaction with one audit row per link. The target itself, or a claim already linked so, refuses the batch.
 */
export async function relateClaimsToOne(actor: Actor, rawInput: z.input<typeof relateClaimsToOneSchema>): Promise<{ changed: number }> {
  requirePermission(actor, "relations.write");
  const input = parseInput(relateClaimsToOneSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const target = await tx.claim.findUnique({ where: { id: input.toClaimId }, select: { id: true } });
    if (!target) throw notFound("claimToLink");
    const claims = await lockClaimBatch(tx, input.claimIds);
    const symmetric = input.type !== "supports";
    const existing = await tx.claimRelation.findMany({
      where: {
        type: input.type,
        OR: [
          { fromClaimId: { in: claims.map((claim) => claim.id) }, toClaimId: target.id },
          ...(symmetric ? [{ toClaimId: { in: claims.map((claim) => claim.id) }, fromClaimId: target.id }] : []),
        ],
      },
      select: { fromClaimId: true, toClaimId: true },
    });
    const refused: Refusal[] = [];
    for (const claim of claims) {
      if (claim.id === target.id) refused.push({ claimId: claim.id, statement: claim.statement, reason: "isLinkTarget" });
      else if (existing.some((row) => row.fromClaimId === claim.id || row.toClaimId === claim.id)) {
        refused.push({ claimId: claim.id, statement: claim.statement, reason: "alreadyLinkedAs", params: { type: input.type } });
      }
    }
    if (refused.length > 0) refuseBatch(refused);
    for (const claim of claims) {
      await insertRelation(tx, actor, { type: input.type, fromClaimId: claim.id, toClaimId: target.id, rationale: input.rationale, passageIds: [] });
    }
    return { changed: claims.length };
  });
}
