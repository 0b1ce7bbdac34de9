import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { listSourceChanges, type SourceChangeQueueItem } from "@/lib/sources/list-source-changes";

export type QueueItem = { verdictId: string; claimId: string; revisionId: string | null; statement: string; headline: string; updatedAt: Date };
export type WorkbenchQueues = {
  awaitingMyReview: QueueItem[] | null;
  readyToPublish: QueueItem[] | null;
  changesRequestedOnMine: QueueItem[];
  myDrafts: QueueItem[];
  /** Open source changes of fact-checks the person writes or reviews; null for those who do neither. */
  sourceChanges: SourceChangeQueueItem[] | null;
  counts: { articles: number; claims: number; published: number };
};

/** What waits for the signed-in person; reviewer queues are null for those who cannot review. */
export async function getWorkbenchQueues(actor: Actor): Promise<WorkbenchQueues> {
  requirePermission(actor, "workbench.access");
  const db = getDb();
  const select = {
    id: true,
    claimId: true,
    updatedAt: true,
    draftHeadline: true,
    claim: { select: { statement: true } },
    currentRevision: { select: { id: true, headline: true } },
  } as const;
  type Row = { id: string; claimId: string; updatedAt: Date; draftHeadline: string; claim: { statement: string }; currentRevision: { id: string; headline: string } | null };
  const toItem = (row: Row): QueueItem => ({
    verdictId: row.id,
    claimId: row.claimId,
    revisionId: row.currentRevision?.id ?? null,
    statement: row.claim.statement,
    headline: row.currentRevision?.headline ?? row.draftHeadline,
    updatedAt: row.updatedAt,
  });
  const canReview = can(actor, "verdicts.review");
  const canPublish = can(actor, "verdicts.publish");
  const [awaiting, ready, changes, drafts, sourceChanges, articles, claims, published] = await Promise.all([
    canReview
      ? db.verdict.findMany({
          where: { status: "in_review", currentRevision: { authors: { none: { userId: actor.id } } } },
          orderBy: { updatedAt: "asc" },
          select,
        })
      : null,
    canPublish ? db.verdict.findMany({ where: { status: "approved" }, orderBy: { updatedAt: "asc" }, select }) : null,
    db.verdict.findMany({
      where: { status: "changes_requested", currentRevision: { authors: { some: { userId: actor.id } } } },
      orderBy: { updatedAt: "desc" },
      select,
    }),
    db.verdict.findMany({ where: { status: "draft", createdById: actor.id }, orderBy: { updatedAt: "desc" }, select }),
    can(actor, "verdicts.draft") ? listSourceChanges(actor) : null,
    db.article.count({ where: { deletedAt: null } }),
    db.claim.count(),
    db.publication.count(),
  ]);
  return {
    awaitingMyReview: awaiting?.map(toItem) ?? null,
    readyToPublish: ready?.map(toItem) ?? null,
    changesRequestedOnMine: changes.map(toItem),
    myDrafts: drafts.map(toItem),
    sourceChanges,
    counts: { articles, claims, published },
  };
}
