import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { forbidden, notFound, postgresCode } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { findAssignee } from "@/lib/assignments/find-assignee";
import { VERDICT_AUTHORS_SELECT, verdictAuthorIds } from "@/lib/assignments/verdict-author-ids";
import { createNotifications } from "@/lib/notifications/create-notifications";

export const assignVerdictReviewerSchema = z.object({
  verdictId: z.uuid(),
  /** null leaves the verdict to any reviewer. */
  assigneeId: z.uuid().nullable(),
});


/**
 * Names the reviewer of a verdict (or nobody). Never one of the authors of the revision in review
 * nor anyone who saved the draft since (four eyes; a trigger refuses it too). The reviewer is notified.
 */
export async function assignVerdictReviewer(actor: Actor, rawInput: z.input<typeof assignVerdictReviewerSchema>): Promise<{ verdictId: string; changed: boolean }> {
  requirePermission(actor, "assignments.write");
  const input = parseInput(assignVerdictReviewerSchema, rawInput);
  try {
    return await getDb().$transaction(async (tx) => {
      await lockVerdict(tx, { id: input.verdictId });
      const verdict = await tx.verdict.findUnique({
        where: { id: input.verdictId },
        select: {
          id: true,
          claimId: true,
          claim: { select: { statement: true } },
          ...VERDICT_AUTHORS_SELECT,
        },
      });
      if (!verdict) throw notFound("verdict");
      const assignee = input.assigneeId ? await findAssignee(tx, input.assigneeId, "verdicts.review", "reviewVerdicts") : null;
      if (assignee && verdictAuthorIds(verdict).has(assignee.id)) throw forbidden({ key: "authorCannotReview", params: { name: assignee.name } });
      const before = await tx.verdictAssignment.findUnique({ where: { verdictId: verdict.id }, select: { assigneeId: true } });
      if ((before?.assigneeId ?? null) === (assignee?.id ?? null)) return { verdictId: verdict.id, changed: false };
      if (assignee) {
        await tx.verdictAssignment.upsert({
          where: { verdictId: verdict.id },
          create: { verdictId: verdict.id, assigneeId: assignee.id, assignedById: actor.id },
          update: { assigneeId: assignee.id, assignedById: actor.id, assignedAt: new Date() },
        });
        await createNotifications(tx, actor, {
          kind: "verdict_assigned",
          recipientIds: [assignee.id],
          claimId: verdict.claimId,
          verdictRevisionId: verdict.currentRevision?.id,
          excerpt: verdict.claim.statement,
        });
      } else {
        await tx.verdictAssignment.delete({ where: { verdictId: verdict.id } });
      }
      await recordAuditEvent(tx, actor, {
        action: assignee ? "verdict.reviewer_assigned" : "verdict.reviewer_unassigned",
        entityType: "verdict",
        entityId: verdict.id,
        before: { assigneeId: before?.assigneeId ?? null },
        after: { assigneeId: assignee?.id ?? null },
      });
      return { verdictId: verdict.id, changed: true };
    });
  } catch (error) {
    // The trigger's refusal, for a draft saved between the check and the insert.
    if (postgresCode(error) === "23514") throw forbidden({ key: "thatReviewerIsAuthor" });
    throw error;
  }
}
