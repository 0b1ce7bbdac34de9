import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { conflict, forbidden, illegalTransition, notFound } from "@/lib/errors";
import { lockVerdict } from "@/lib/verdicts/lock-verdict";
import { parseInput, reason } from "@/lib/validation";
import { closeSourceChangeByRevision } from "@/lib/sources/close-source-change-by-revision";
import { notifyVerdictAuthors } from "@/lib/notifications/notify-verdict-authors";

export const reviewVerdictSchema = z
  .object({
    verdictId: z.uuid(),
    /** The exact revision the reviewer read: an approval covers that revision and no other. */
    revisionId: z.uuid(),
    decision: z.enum(["approve", "request_changes"]),
    comment: z.string().trim().max(5000).default(""),
  })
  .refine((input) => input.decision === "approve" || input.comment.length > 0, {
    message: reason("sayWhatToChange"),
    path: ["comment"],
  });

/**
 * A reviewer approves or sends back one exact revision, with its snapshot; never a revision they
 * submitted or saved a draft of (four eyes).
 */
export async function reviewVerdict(actor: Actor, rawInput: z.input<typeof reviewVerdictSchema>) {
  requirePermission(actor, "verdicts.review");
  const input = parseInput(reviewVerdictSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    await lockVerdict(tx, { id: input.verdictId });
    const verdict = await tx.verdict.findUnique({ where: { id: input.verdictId }, include: { currentRevision: true } });
    if (!verdict) throw notFound("verdict");
    const revision = await tx.verdictRevision.findFirst({
      where: { id: input.revisionId, verdictId: verdict.id },
      include: { authors: { select: { userId: true } } },
    });
    if (!revision) throw notFound("verdictRevision");
    if (revision.authorId === actor.id || revision.authors.some((author) => author.userId === actor.id)) {
      throw forbidden({ key: "ownRevision" });
    }
    if (verdict.status !== "in_review") {
      throw illegalTransition({ key: "verdictNotInReview", params: { status: verdict.status } });
    }
    if (verdict.currentRevisionId !== revision.id) {
      throw conflict({ key: "revisionNoLongerInReview", params: { number: revision.number, current: verdict.currentRevision?.number ?? "?" } });
    }
    // Refused while the revision quotes a source that changed since; quoting the new text closes the item.
    if (input.decision === "approve") await closeSourceChangeByRevision(tx, actor, verdict.id, revision);
    const nextStatus = input.decision === "approve" ? "approved" : "changes_requested";
    const updated = await tx.verdict.updateMany({
      where: { id: verdict.id, version: verdict.version, status: "in_review" },
      data: { status: nextStatus, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict({ key: "reviewedMeanwhile" });
    const review = await tx.review.create({
      data: { verdictRevisionId: revision.id, reviewerId: actor.id, decision: input.decision, comment: input.comment },
    });
    await recordAuditEvent(tx, actor, {
      action: input.decision === "approve" ? "verdict.approved" : "verdict.changes_requested",
      entityType: "verdict",
      entityId: verdict.id,
      before: { status: verdict.status },
      after: { status: nextStatus, revisionId: revision.id, reviewId: review.id, comment: input.comment },
    });
    await notifyVerdictAuthors(tx, actor, {
      kind: input.decision === "approve" ? "verdict_approved" : "verdict_changes_requested",
      verdictId: verdict.id,
      revisionId: revision.id,
      excerpt: input.comment,
    });
    return { verdictId: verdict.id, status: nextStatus, reviewId: review.id };
  });
}
