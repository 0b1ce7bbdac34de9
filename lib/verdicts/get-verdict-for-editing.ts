import { z } from "zod";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import type { Rating, ReviewDecision, VerdictStatus } from "@/lib/generated/prisma/enums";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";

export type RevisionReview = { decision: ReviewDecision; reviewerName: string; comment: string; createdAt: Date };

export type RevisionHistoryEntry = {
  id: string;
  number: number;
  authorName: string;
  createdAt: Date;
  rating: RatingInfo;
  headline: string;
  reviews: RevisionReview[];
  /** Whether readers saw this revision: as the first publication, or as a correction. */
  publication: "first" | "correction" | null;
  /** The one readers see now. */
  isPublic: boolean;
};

export type VerdictEditingView = {
  claim: {
    id: string;
    statement: string;
    claimant: string;
    claimedAt: Date | null;
    language: string;
    passages: { id: string; exact: string; status: string; article: { id: string; title: string; outlet: string | null; publishedAt: Date | null } }[];
  };
  verdict: {
    id: string;
    status: VerdictStatus;
    version: number;
    draft: { rating: Rating | null; headline: string; summary: string; explanation: string };
    currentRevision: { id: string; number: number; authorId: string } | null;
    publication: { slug: string; publishedRevisionNumber: number } | null;
    /** The reviewer's comment when the last revision was sent back. */
    changesRequested: (RevisionReview & { revisionNumber: number }) | null;
    updatedAt: Date;
  } | null;
  /** Newest first. */
  revisions: RevisionHistoryEntry[];
  permissions: { canEdit: boolean; canSubmit: boolean; canReview: boolean };
};

/**
 * The verdict editor's view of one claim: the working draft with its optimistic version, the
 * revision history with every review, and what the signed-in person may do with it.
 */
export async function getVerdictForEditing(actor: Actor, claimId: string): Promise<VerdictEditingView | null> {
  requirePermission(actor, "claims.read");
  if (!z.uuid().safeParse(claimId).success) return null;
  const db = getDb();
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    include: {
      passages: {
        where: { article: { deletedAt: null } },
        orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }],
        include: {
          article: { select: { id: true, title: true, outlet: true, publishedAt: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } },
        },
      },
      verdict: {
        include: {
          currentRevision: { select: { id: true, number: true, authorId: true } },
          publication: { include: { publishedRevision: { select: { number: true } }, corrections: { orderBy: { createdAt: "asc" } } } },
          revisions: {
            orderBy: { number: "desc" },
            include: {
              author: { select: { name: true } },
              reviews: { orderBy: { createdAt: "asc" }, include: { reviewer: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!claim) return null;
  const verdict = claim.verdict;
  const publication = verdict?.publication ?? null;
  const firstPublishedId = publication ? (publication.corrections[0]?.previousRevisionId ?? publication.publishedRevisionId) : null;
  const correctionIds = new Set(publication?.corrections.map((correction) => correction.revisionId) ?? []);

  const revisions: RevisionHistoryEntry[] = (verdict?.revisions ?? []).map((revision) => ({
    id: revision.id,
    number: revision.number,
    authorName: revision.author.name,
    createdAt: revision.createdAt,
    rating: ratingInfo(revision.rating),
    headline: revision.headline,
    reviews: revision.reviews.map((review) => ({
      decision: review.decision,
      reviewerName: review.reviewer.name,
      comment: review.comment,
      createdAt: review.createdAt,
    })),
    publication: revision.id === firstPublishedId ? "first" : correctionIds.has(revision.id) ? "correction" : null,
    isPublic: revision.id === publication?.publishedRevisionId,
  }));

  let changesRequested: NonNullable<VerdictEditingView["verdict"]>["changesRequested"] = null;
  if (verdict?.currentRevision) {
    const current = revisions.find((revision) => revision.id === verdict.currentRevision?.id);
    const lastReview = current?.reviews.at(-1);
    if (current && lastReview?.decision === "request_changes" && (verdict.status === "changes_requested" || verdict.status === "draft")) {
      changesRequested = { ...lastReview, revisionNumber: current.number };
    }
  }

  const status = verdict?.status ?? null;
  return {
    claim: {
      id: claim.id,
      statement: claim.statement,
      claimant: claim.claimant,
      claimedAt: claim.claimedAt,
      language: claim.language,
      // Only what the page would quote: the passages on each article's current revision.
      passages: claim.passages
        .filter((passage) => passage.articleRevisionId === passage.article.revisions[0]?.id)
        .map((passage) => ({
          id: passage.id,
          exact: passage.exact,
          status: passage.status,
          article: { id: passage.article.id, title: passage.article.title, outlet: passage.article.outlet, publishedAt: passage.article.publishedAt },
        })),
    },
    verdict: verdict
      ? {
          id: verdict.id,
          status: verdict.status,
          version: verdict.version,
          draft: {
            rating: verdict.draftRating,
            headline: verdict.draftHeadline,
            summary: verdict.draftSummary,
            explanation: verdict.draftExplanation,
          },
          currentRevision: verdict.currentRevision,
          publication: publication ? { slug: publication.slug, publishedRevisionNumber: publication.publishedRevision.number } : null,
          changesRequested,
          updatedAt: verdict.updatedAt,
        }
      : null,
    revisions,
    permissions: {
      canEdit: can(actor, "verdicts.draft") && status !== "in_review",
      canSubmit: can(actor, "verdicts.submit") && (status === null || status === "draft" || status === "changes_requested"),
      canReview: can(actor, "verdicts.review"),
    },
  };
}
