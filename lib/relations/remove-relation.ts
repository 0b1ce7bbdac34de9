import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const removeRelationSchema = z.object({ relationId: z.uuid() });
export type RemoveRelationInput = z.input<typeof removeRelationSchema>;

/**
 * Unlinks two claims. The relation and its justifying passages go; the audit row, written in the
 * same transaction, keeps what the link said (type, both claims, rationale, passages).
 */
export async function removeRelation(
  actor: Actor,
  rawInput: RemoveRelationInput,
): Promise<{ id: string; fromClaimId: string; toClaimId: string }> {
  requirePermission(actor, "relations.write");
  const { relationId } = parseInput(removeRelationSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    // Locks the row: of two people removing the same link at once, the second finds nothing.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM claim_relations WHERE id = ${relationId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("relation");
    const relation = await tx.claimRelation.findUniqueOrThrow({
      where: { id: relationId },
      include: { passages: { select: { passageId: true }, orderBy: { passageId: "asc" } } },
    });
    await tx.claimRelation.delete({ where: { id: relation.id } });
    await recordAuditEvent(tx, actor, {
      action: "relation.removed",
      entityType: "claim_relation",
      entityId: relation.id,
      before: {
        type: relation.type,
        fromClaimId: relation.fromClaimId,
        toClaimId: relation.toClaimId,
        rationale: relation.rationale,
        passageIds: relation.passages.map((passage) => passage.passageId),
        createdById: relation.createdById,
        createdAt: relation.createdAt.toISOString(),
      },
    });
    return { id: relation.id, fromClaimId: relation.fromClaimId, toClaimId: relation.toClaimId };
  });
}
