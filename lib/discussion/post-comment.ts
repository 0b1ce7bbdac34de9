import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { illegalTransition, notFound } from "@/lib/errors";
import { parseInput, reason } from "@/lib/validation";
import { findMentions } from "@/lib/discussion/find-mentions";
import { listMentionCandidates } from "@/lib/discussion/list-mention-candidates";
import { createNotifications } from "@/lib/notifications/create-notifications";

const body = z.string().trim().min(1, reason("writeSomething")).max(5000, reason("commentTooLong"));

/** A new thread on a claim or on one verdict revision, or a reply in an existing thread. */
export const postCommentSchema = z.union([
  z.object({ threadId: z.uuid(), body }),
  z.object({ claimId: z.uuid(), body }),
  z.object({ verdictRevisionId: z.uuid(), body }),
]);
export type PostCommentInput = z.input<typeof postCommentSchema>;

/**
 * Posts a comment. Mentioned colleagues are told, and so is everyone already in the thread; each
 * person gets one notice (a mention beats a reply). A resolved thread must be reopened to be answered.
 */
export async function postComment(actor: Actor, rawInput: PostCommentInput): Promise<{ threadId: string; commentId: string; mentionedUserIds: string[] }> {
  requirePermission(actor, "discussion.write");
  const input = parseInput(postCommentSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    let thread: { id: string; claimId: string; verdictRevisionId: string | null; resolvedAt: Date | null };
    let participants: string[] = [];
    if ("threadId" in input) {
      const found = await tx.discussionThread.findUnique({
        where: { id: input.threadId },
        select: { id: true, claimId: true, verdictRevisionId: true, resolvedAt: true, createdById: true, comments: { select: { authorId: true } } },
      });
      if (!found) throw notFound("thread");
      if (found.resolvedAt) throw illegalTransition({ key: "threadResolved" });
      thread = found;
      participants = [found.createdById, ...found.comments.map((comment) => comment.authorId)];
    } else {
      const claimId =
        "claimId" in input
          ? (await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } }))?.id
          : (await tx.verdictRevision.findUnique({ where: { id: input.verdictRevisionId }, select: { verdict: { select: { claimId: true } } } }))?.verdict.claimId;
      if (!claimId) throw notFound("claimId" in input ? "claim" : "verdictRevision");
      thread = await tx.discussionThread.create({
        data: { claimId, verdictRevisionId: "verdictRevisionId" in input ? input.verdictRevisionId : null, createdById: actor.id },
        select: { id: true, claimId: true, verdictRevisionId: true, resolvedAt: true },
      });
    }
    const mentionedUserIds = findMentions(input.body, await listMentionCandidates(tx)).filter((id) => id !== actor.id);
    const comment = await tx.comment.create({ data: { threadId: thread.id, authorId: actor.id, body: input.body, mentionedUserIds } });
    const notice = { claimId: thread.claimId, threadId: thread.id, verdictRevisionId: thread.verdictRevisionId ?? undefined, excerpt: input.body };
    const mentioned = await createNotifications(tx, actor, { ...notice, kind: "mention", recipientIds: mentionedUserIds });
    await createNotifications(tx, actor, { ...notice, kind: "reply", recipientIds: participants.filter((id) => !mentioned.includes(id)) });
    // The text stays in the comments table (immutable); the audit row says who wrote what where.
    await recordAuditEvent(tx, actor, {
      action: "comment.posted",
      entityType: "discussion_thread",
      entityId: thread.id,
      after: { commentId: comment.id, claimId: thread.claimId, verdictRevisionId: thread.verdictRevisionId, newThread: !("threadId" in input), mentionedUserIds },
    });
    return { threadId: thread.id, commentId: comment.id, mentionedUserIds };
  });
}
