import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { passageIdSchema } from "@/lib/claims/confirm-passage";

/** Detaches a passage from its claim; the audit row keeps what it quoted. */
export async function removePassage(actor: Actor, rawInput: z.input<typeof passageIdSchema>) {
  requirePermission(actor, "claims.write");
  const { passageId } = parseInput(passageIdSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const passage = await tx.passage.findUnique({ where: { id: passageId } });
    if (!passage) throw notFound("passage");
    await tx.passage.delete({ where: { id: passage.id } });
    await recordAuditEvent(tx, actor, {
      action: "passage.removed",
      entityType: "passage",
      entityId: passage.id,
      before: {
        claimId: passage.claimId,
        articleRevisionId: passage.articleRevisionId,
        start: passage.start,
        end: passage.end,
        exact: passage.exact,
        status: passage.status,
      },
    });
    return { id: passage.id };
  });
}
