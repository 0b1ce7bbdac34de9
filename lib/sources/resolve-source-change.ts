import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, englishMessage, forbidden, notFound } from "@/lib/errors";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { parseInput, reason } from "@/lib/validation";

export const resolveSourceChangeSchema = z.object({
  itemId: z.uuid(),
  /** The version the reviewer read: a passage added since then must be read before confirming. */
  expectedVersion: z.number().int().min(1),
  note: z.string().trim().min(3, reason("sayWhyNoChange")).max(1000),
});


/**
 * A reviewer read what the source says now and confirms that the fact-check needs no change, with
 * a note that stays on the record. Not one of the revision's authors (four eyes, as for approval).
 */
export async function resolveSourceChange(actor: Actor, rawInput: z.input<typeof resolveSourceChangeSchema>) {
  requirePermission(actor, "verdicts.review");
  const input = parseInput(resolveSourceChangeSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const found = await tx.sourceChangeItem.findUnique({ where: { id: input.itemId }, select: { verdictId: true } });
    if (!found) throw notFound("sourceChange");
    // Raising, approving and resolving all lock the verdict first, so they see each other's writes.
    await lockVerdict(tx, { id: found.verdictId });
    const item = await tx.sourceChangeItem.findUniqueOrThrow({
      where: { id: input.itemId },
      include: {
        resolvedBy: { select: { name: true } },
        verdict: { select: { currentRevisionId: true, publication: { select: { publishedRevisionId: true } } } },
      },
    });
    if (item.status !== "open") {
      const name = item.resolvedBy?.name ?? englishMessage({ key: "someone" });
      throw conflict({ key: "sourceChangeResolved", params: { how: item.status, name, at: item.resolvedAt!.getTime() } });
    }
    if (item.version !== input.expectedVersion) {
      throw conflict({ key: "sourceChangeGrown" });
    }
    if (await wroteFactCheck(tx, actor.id, item.verdict)) throw forbidden({ key: "ownFactCheckSourceChange" });

    const resolvedAt = new Date();
    const updated = await tx.sourceChangeItem.updateMany({
      where: { id: item.id, version: item.version, status: "open" },
      data: { status: "confirmed", resolutionNote: input.note, resolvedById: actor.id, resolvedAt, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict({ key: "sourceChangeDecidedMeanwhile" });
    await recordAuditEvent(tx, actor, {
      action: "source_change.confirmed",
      entityType: "source_change_item",
      entityId: item.id,
      before: { status: item.status, version: item.version },
      after: { status: "confirmed", version: item.version + 1, verdictId: item.verdictId, note: input.note },
    });
    return { itemId: item.id, status: "confirmed" as const, version: item.version + 1 };
  });
}

/** Four eyes: an author of the revision readers see, or of the one in review, does not decide for it. */
export async function wroteFactCheck(
  db: Db | Tx,
  userId: string,
  verdict: { currentRevisionId: string | null; publication: { publishedRevisionId: string } | null },
): Promise<boolean> {
  const revisionIds = [verdict.currentRevisionId, verdict.publication?.publishedRevisionId].filter((id): id is string => typeof id === "string");
  return (await db.verdictRevisionAuthor.count({ where: { userId, verdictRevisionId: { in: revisionIds } } })) > 0;
}
