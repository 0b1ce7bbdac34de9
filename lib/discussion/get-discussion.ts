import { z } from "zod";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { listMentionCandidates } from "@/lib/discussion/list-mention-candidates";
import type { MentionCandidate } from "@/lib/discussion/find-mentions";

export const getDiscussionSchema = z.union([z.object({ claimId: z.uuid() }), z.object({ verdictRevisionId: z.uuid() })]);

export type DiscussionComment = { id: string; authorName: string; body: string; createdAt: Date };
export type DiscussionThreadView = {
  id: string;
  version: number;
  /** The verdict revision the thread is about, or null for the claim itself. */
  revision: { id: string; number: number } | null;
  resolved: { byName: string; at: Date } | null;
  comments: DiscussionComment[];
};
export type Discussion = { threads: DiscussionThreadView[]; canWrite: boolean; colleagues: MentionCandidate[] };

/**
 * The workbench's discussion of a claim (its own threads and those on its verdict's revisions) or of
 * one verdict revision, oldest thread first. Workbench only: no reader page, export or API reads it.
 */
export async function getDiscussion(actor: Actor, rawInput: z.input<typeof getDiscussionSchema>): Promise<Discussion> {
  requirePermission(actor, "claims.read");
  const input = parseInput(getDiscussionSchema, rawInput);
  const db = getDb();
  const threads = await db.discussionThread.findMany({
    where: "claimId" in input ? { claimId: input.claimId } : { verdictRevisionId: input.verdictRevisionId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  const canWrite = can(actor, "discussion.write");
  const userIds = new Set(threads.flatMap((thread) => [...thread.comments.map((comment) => comment.authorId), ...(thread.resolvedById ? [thread.resolvedById] : [])]));
  const revisionIds = [...new Set(threads.flatMap((thread) => (thread.verdictRevisionId ? [thread.verdictRevisionId] : [])))];
  const [people, revisions, colleagues] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db.verdictRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, number: true } }),
    canWrite ? listMentionCandidates() : [],
  ]);
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const numberOf = new Map(revisions.map((revision) => [revision.id, revision.number]));
  return {
    canWrite,
    colleagues: colleagues.filter((colleague) => colleague.id !== actor.id),
    threads: threads.map((thread) => ({
      id: thread.id,
      version: thread.version,
      revision: thread.verdictRevisionId ? { id: thread.verdictRevisionId, number: numberOf.get(thread.verdictRevisionId) ?? 0 } : null,
      resolved: thread.resolvedAt && thread.resolvedById ? { byName: nameOf.get(thread.resolvedById) ?? "someone", at: thread.resolvedAt } : null,
      comments: thread.comments.map((comment) => ({ id: comment.id, authorName: nameOf.get(comment.authorId) ?? "someone", body: comment.body, createdAt: comment.createdAt })),
    })),
  };
}
