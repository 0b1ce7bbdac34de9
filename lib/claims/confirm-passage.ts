import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { illegalTransition, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const passageIdSchema = z.object({ passageId: z.uuid() });

/** The editor checked a moved or fuzzy passage and agrees with its new place. */
export async function confirmPassage(actor: Actor, rawInput: z.input<typeof passageIdSchema>) {
  requirePermission(actor, "claims.write");
  const { passageId } = parseInput(passageIdSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const passage = await tx.passage.findUnique({ where: { id: passageId } });
    if (!passage) throw notFound("passage");
    if (passage.status === "orphaned") throw illegalTransition({ key: "orphanedCannotConfirm" });
    if (passage.status === "anchored") return { id: passage.id, status: passage.status };
    const updated = await tx.passage.update({ where: { id: passage.id }, data: { status: "anchored", confidence: 1 } });
    await recordAuditEvent(tx, actor, {
      action: "passage.confirmed",
      entityType: "passage",
      entityId: passage.id,
      before: { status: passage.status, confidence: passage.confidence },
      after: { status: updated.status, confidence: updated.confidence },
    });
    return { id: updated.id, status: updated.status };
  });
}
