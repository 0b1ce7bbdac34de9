import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";

export type ReviewQueueItem = {
  verdictId: string;
  claimId: string;
  claimStatement: string;
  claimant: string;
  revisionId: string;
  revisionNumber: number;
  headline: string;
  rating: RatingInfo;
  authorName: string;
  submittedAt: Date;
  /** Approved revisions: when the reviewer approved it. */
  decidedAt: Date | null;
  /** Already public: publishing this revision is a correction. */
  publicSlug: string | null;
};

export type ReviewQueue = {
  /** Revisions by others that wait for a review; null for those who cannot review. */
  awaitingReview: ReviewQueueItem[] | null;
  /** The signed-in person's own revisions in review: another reviewer must decide. */
  waitingForAnotherReviewer: ReviewQueueItem[];
  /** Approved revisions, ready to publish or to publish as a correction; null for those who cannot publish. */
  readyToPublish: ReviewQueueItem[] | null;
  /** The signed-in person's revisions that were sent back. */
  sentBack: ReviewQueueItem[];
};

const QUEUE_LIMIT = 200;

/** The review queue: what waits for a review, for publication, or for the author's answer. */
export async function listReviewQueue(actor: Actor): Promise<ReviewQueue> {
  requirePermission(actor, "workbench.access");
  const db = getDb();
  const include = {
    claim: { select: { statement: true, claimant: true } },
    publication: { select: { slug: true } },
    currentRevision: {
      include: {
        author: { select: { name: true } },
        reviews: { orderBy: { createdAt: "desc" as const }, take: 1, select: { createdAt: true } },
      },
    },
  };
  type Row = Awaited<ReturnType<typeof findRows>>[number];
  const findRows = (where: NonNullable<Parameters<typeof db.verdict.findMany>[0]>["where"], order: "asc" | "desc") =>
    db.verdict.findMany({ where, include, orderBy: { updatedAt: order }, take: QUEUE_LIMIT });
  const toItem = (row: Row): ReviewQueueItem | null => {
    const revision = row.currentRevision;
    if (!revision) return null;
    return {
      verdictId: row.id,
      claimId: row.claimId,
      claimStatement: row.claim.statement,
      claimant: row.claim.claimant,
      revisionId: revision.id,
      revisionNumber: revision.number,
      headline: revision.headline,
      rating: ratingInfo(revision.rating),
      authorName: revision.author.name,
      submittedAt: revision.createdAt,
      decidedAt: row.status === "approved" ? (revision.reviews[0]?.createdAt ?? null) : null,
      publicSlug: row.publication?.slug ?? null,
    };
  };
  const items = (rows: Row[]) => rows.map(toItem).filter((item): item is ReviewQueueItem => item !== null);

  const [awaiting, mine, ready, sentBack] = await Promise.all([
    can(actor, "verdicts.review")
      ? findRows({ status: "in_review", currentRevision: { authors: { none: { userId: actor.id } } } }, "asc")
      : null,
    findRows({ status: "in_review", currentRevision: { authors: { some: { userId: actor.id } } } }, "asc"),
    // Newest approvals first: beyond the limit, what waits longest is what someone already chose not to publish.
    can(actor, "verdicts.publish") ? findRows({ status: "approved" }, "desc") : null,
    findRows({ status: "changes_requested", currentRevision: { authors: { some: { userId: actor.id } } } }, "desc"),
  ]);
  return {
    awaitingReview: awaiting ? items(awaiting) : null,
    waitingForAnotherReviewer: items(mine),
    readyToPublish: ready ? items(ready) : null,
    sentBack: items(sentBack),
  };
}
