import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, invalid, notFound, postgresCode } from "@/lib/errors";
import { createSelectors } from "@/lib/anchoring/create-selectors";
import { parseInput } from "@/lib/validation";

export const reattachPassageSchema = z.object({
  passageId: z.uuid(),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(5000),
});

/** Puts a passage (orphaned, or in a doubtful place) on the text the editor selected in its revision. */
export async function reattachPassage(actor: Actor, rawInput: z.input<typeof reattachPassageSchema>) {
  requirePermission(actor, "claims.write");
  const input = parseInput(reattachPassageSchema, rawInput);
  try {
    return await getDb().$transaction(async (tx) => {
      const passage = await tx.passage.findUnique({ where: { id: input.passageId }, include: { articleRevision: { select: { text: true } } } });
      if (!passage) throw notFound("passage");
      const placed = createSelectors(passage.articleRevision.text, input.start, input.end, input.exact);
      if (!placed.ok) throw invalid(placed.refusal);
      const { quote, position } = placed.selectors;
      const updated = await tx.passage.update({
        where: { id: passage.id },
        data: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, status: "anchored", confidence: 1 },
      });
      await recordAuditEvent(tx, actor, {
        action: "passage.reattached",
        entityType: "passage",
        entityId: passage.id,
        before: { status: passage.status, start: passage.start, end: passage.end, exact: passage.exact },
        after: { status: updated.status, start: updated.start, end: updated.end, exact: updated.exact },
      });
      return { id: updated.id };
    });
  } catch (error) {
    if (postgresCode(error) === "23505") throw conflict({ key: "thatPassageAlreadyAttached" });
    throw error;
  }
}
