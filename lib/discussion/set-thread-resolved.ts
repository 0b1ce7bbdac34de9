import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const setThreadResolvedSchema = z.object({
  threadId: z.uuid(),
  /** The version the person saw: resolving a thread someone answered meanwhile is refused. */
  expectedVersion: z.number().int().min(1),
  resolved: z.boolean(),
});

/** Resolves a thread, or reopens it; either the asker or the one who answers may do it. */
export async function setThreadResolved(actor: Actor, rawInput: z.input<typeof setThreadResolvedSchema>): Promise<{ threadId: string; version: number }> {
  requirePermission(actor, "discussion.write");
  const input = parseInput(setThreadResolvedSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const thread = await tx.discussionThread.findUnique({ where: { id: input.threadId }, select: { id: true, version: true, resolvedAt: true, claimId: true } });
    if (!thread) throw notFound("thread");
    if ((thread.resolvedAt !== null) === input.resolved) {
      throw conflict(input.resolved ? { key: "threadResolvedAlready" } : { key: "threadOpenAlready" });
    }
    const updated = await tx.discussionThread.updateMany({
      where: { id: thread.id, version: input.expectedVersion },
      data: input.resolved ? { resolvedAt: new Date(), resolvedById: actor.id, version: { increment: 1 } } : { resolvedAt: null, resolvedById: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict({ key: "threadChangedMeanwhile" });
    await recordAuditEvent(tx, actor, {
      action: input.resolved ? "thread.resolved" : "thread.reopened",
      entityType: "discussion_thread",
      entityId: thread.id,
      before: { resolved: !input.resolved, version: thread.version },
      after: { resolved: input.resolved, version: thread.version + 1, claimId: thread.claimId },
    });
    return { threadId: thread.id, version: thread.version + 1 };
  });
}
