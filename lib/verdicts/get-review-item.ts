import { z } from "zod";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { VerdictStatus } from "@/lib/generated/prisma/enums";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { diffRevisions, type RevisionDiff } from "@/lib/verdicts/diff-revisions";
import type { RevisionReview } from "@/lib/verdicts/get-verdict-for-editing";
import { snapshotOf, type SnapshotRelated } from "@/lib/publishing/fact-check-snapshot";
import { snapshotClaim } from "@/lib/publishing/get-published-fact-check";
import { diffSnapshots, type SnapshotDiff } from "@/lib/publishing/diff-snapshots";

/**
 * Where this revision stands for the person looking at it:
 * - review: in review, and they may approve or send it back;
 * - own: in review, and they submitted it or saved a draft of it: another reviewer must decide (four eyes);
 * - not_reviewer: in review, and they have no review permission;
 * - approved / sent_back / published: decided; approved ones may be published;
 * - superseded: a later revision (or a new draft) replaced it.
 */
export type ReviewState = "review" | "own" | "not_reviewer" | "approved" | "sent_back" | "published" | "superseded";

export type ReviewItem = {
  verdictId: string;
  verdictStatus: VerdictStatus;
  /** The claim, its quoted passages and related fact-checks exactly as the revision's snapshot froze them: what readers would see. */
  claim: {
    id: string;
    statement: string;
    claimant: string;
    claimantSameAs: string | null;
    claimedAt: Date | null;
    language: string;
    passages: {
      id: string;
      exact: string;
      prefix: string;
      suffix: string;
      article: { title: string; outlet: string | null; url: string | null; publishedAt: Date | null; revisionNumber: number };
    }[];
    related: SnapshotRelated[];
  };
  revision: {
    id: string;
    number: number;
    rating: RatingInfo;
    headline: string;
    summary: string;
    explanation: string;
    /** Everyone who saved a draft of it since the last review, and its submitter: none of them may review it. */
    authorNames: string[];
    submitterName: string;
    createdAt: Date;
    reviews: RevisionReview[];
  };
  /** The revision the reviewer compares against: the last one before this that someone reviewed. */
  comparedWith: { id: string; number: number; lastDecision: RevisionReview["decision"] | null; wasPublic: boolean } | null;
  diff: (RevisionDiff & { page: SnapshotDiff }) | null;
  /** The revision under review, approved or published now (may be another one than this). */
  current: { id: string; number: number } | null;
  publication: { slug: string; publishedRevisionNumber: number } | null;
  state: ReviewState;
  permissions: { canReview: boolean; canPublish: boolean };
  /** All revisions of the verdict, newest first, for the history panel. */
  history: { id: string; number: number; authorNames: string[]; createdAt: Date; reviews: RevisionReview[] }[];
};

/** One revision as a reviewer sees it: its content, the word diff from the last reviewed revision, and what may be done. */
export async function getReviewItem(actor: Actor, revisionId: string): Promise<ReviewItem | null> {
  requirePermission(actor, "claims.read");
  if (!z.uuid().safeParse(revisionId).success) return null;
  const db = getDb();
  const target = await db.verdictRevision.findUnique({ where: { id: revisionId }, select: { verdictId: true } });
  if (!target) return null;
  const verdict = await db.verdict.findUnique({
    where: { id: target.verdictId },
    include: {
      currentRevision: { select: { id: true, number: true } },
      publication: { include: { publishedRevision: { select: { number: true } }, corrections: { select: { previousRevisionId: true, revisionId: true } } } },
      revisions: {
        orderBy: { number: "desc" },
        include: {
          author: { select: { id: true, name: true } },
          authors: { include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
          snapshot: true,
          reviews: { orderBy: { createdAt: "asc" }, include: { reviewer: { select: { name: true } } } },
        },
      },
    },
  });
  if (!verdict) return null;
  const toReviews = (revision: (typeof verdict.revisions)[number]): RevisionReview[] =>
    revision.reviews.map((review) => ({
      decision: review.decision,
      reviewerName: review.reviewer.name,
      comment: review.comment,
      createdAt: review.createdAt,
    }));
  const revision = verdict.revisions.find((candidate) => candidate.id === revisionId);
  if (!revision) return null;

  const earlierReviewed = verdict.revisions.find((candidate) => candidate.number < revision.number && candidate.reviews.length > 0);
  const everPublic = new Set<string>();
  if (verdict.publication) {
    everPublic.add(verdict.publication.publishedRevisionId);
    for (const correction of verdict.publication.corrections) {
      everPublic.add(correction.previousRevisionId);
      everPublic.add(correction.revisionId);
    }
  }

  const isCurrent = verdict.currentRevisionId === revision.id;
  const isOwn = revision.authorId === actor.id || revision.authors.some((author) => author.user.id === actor.id);
  let state: ReviewState;
  if (!isCurrent) state = "superseded";
  else if (verdict.status === "in_review") state = isOwn ? "own" : can(actor, "verdicts.review") ? "review" : "not_reviewer";
  else if (verdict.status === "approved") state = "approved";
  else if (verdict.status === "changes_requested") state = "sent_back";
  else if (verdict.status === "published") state = "published";
  else state = "superseded"; // a new draft was started from this revision

  const snapshot = snapshotOf(revision);
  const authorNames = (entry: (typeof verdict.revisions)[number]) => entry.authors.map((author) => author.user.name);
  return {
    verdictId: verdict.id,
    verdictStatus: verdict.status,
    claim: {
      ...snapshotClaim(snapshot),
      id: snapshot.claim.id,
      claimantSameAs: snapshot.claim.claimantSameAs,
      passages: snapshot.passages.map((passage) => ({
        id: passage.passageId,
        exact: passage.exact,
        prefix: passage.prefix,
        suffix: passage.suffix,
        article: {
          title: passage.article.title,
          outlet: passage.article.outlet,
          url: passage.article.url,
          publishedAt: passage.article.publishedAt ? new Date(passage.article.publishedAt) : null,
          revisionNumber: passage.article.revisionNumber,
        },
      })),
      related: snapshot.related,
    },
    revision: {
      id: revision.id,
      number: revision.number,
      rating: ratingInfo(revision.rating),
      headline: revision.headline,
      summary: revision.summary,
      explanation: revision.explanation,
      authorNames: authorNames(revision),
      submitterName: revision.author.name,
      createdAt: revision.createdAt,
      reviews: toReviews(revision),
    },
    comparedWith: earlierReviewed
      ? {
          id: earlierReviewed.id,
          number: earlierReviewed.number,
          lastDecision: earlierReviewed.reviews.at(-1)?.decision ?? null,
          wasPublic: everPublic.has(earlierReviewed.id),
        }
      : null,
    diff: earlierReviewed ? { ...diffRevisions(earlierReviewed, revision), page: diffSnapshots(snapshotOf(earlierReviewed), snapshot) } : null,
    current: verdict.currentRevision,
    publication: verdict.publication
      ? { slug: verdict.publication.slug, publishedRevisionNumber: verdict.publication.publishedRevision.number }
      : null,
    state,
    permissions: {
      canReview: state === "review",
      canPublish: state === "approved" && can(actor, "verdicts.publish"),
    },
    history: verdict.revisions.map((entry) => ({
      id: entry.id,
      number: entry.number,
      authorNames: authorNames(entry),
      createdAt: entry.createdAt,
      reviews: toReviews(entry),
    })),
  };
}
