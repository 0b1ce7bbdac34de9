import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, invalid, notFound, postgresCode } from "@/lib/errors";
import { parseInput, reason } from "@/lib/validation";

export const relationInputSchema = z.object({
  type: z.enum(["supports", "contradicts", "same_claim"]),
  fromClaimId: z.uuid(),
  toClaimId: z.uuid(),
  rationale: z.string().trim().min(3, reason("sayWhyLinked")).max(2000),
  passageIds: z.array(z.uuid()).max(20).default([]),
});
export type RelationInput = z.input<typeof relationInputSchema>;

export const TYPE_WORDS = { supports: "supporting", contradicts: "contradicting", same_claim: "the same claim" } as const;

/** Links two claims. `contradicts` and `same_claim` are symmetric; the database refuses mirrors. */
export async function relateClaims(actor: Actor, rawInput: RelationInput): Promise<{ id: string }> {
  requirePermission(actor, "relations.write");
  const input = parseInput(relationInputSchema, rawInput);
  if (input.fromClaimId === input.toClaimId) throw invalid({ key: "cannotLinkToItself" });
  try {
    return await getDb().$transaction(async (tx) => {
      const claims = await tx.claim.count({ where: { id: { in: [input.fromClaimId, input.toClaimId] } } });
      if (claims !== 2) throw notFound("claims");
      if (input.passageIds.length > 0) {
        const passages = await tx.passage.count({
          where: { id: { in: input.passageIds }, claimId: { in: [input.fromClaimId, input.toClaimId] } },
        });
        if (passages !== new Set(input.passageIds).size) {
          throw invalid({ key: "passageNotOfClaims" });
        }
      }
      return insertRelation(tx, actor, input);
    });
  } catch (error) {
    if (postgresCode(error) === "23505") {
      throw conflict({ key: "alreadyLinked", params: { type: input.type } });
    }
    throw error;
  }
}

/** Writes one link and its audit row; the caller checked both claims and the passages. */
export async function insertRelation(tx: Tx, actor: Actor, input: z.output<typeof relationInputSchema>): Promise<{ id: string }> {
  const relation = await tx.claimRelation.create({
    data: {
      type: input.type,
      fromClaimId: input.fromClaimId,
      toClaimId: input.toClaimId,
      rationale: input.rationale,
      createdById: actor.id,
      passages: { create: [...new Set(input.passageIds)].map((passageId) => ({ passageId })) },
    },
  });
  await recordAuditEvent(tx, actor, {
    action: "relation.created",
    entityType: "claim_relation",
    entityId: relation.id,
    after: { type: relation.type, fromClaimId: relation.fromClaimId, toClaimId: relation.toClaimId, rationale: relation.rationale },
  });
  return { id: relation.id };
}
