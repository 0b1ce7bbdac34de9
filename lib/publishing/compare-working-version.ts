import { z } from "zod";
import { getDb } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { diffRevisions, type RevisionDiff } from "@/lib/verdicts/diff-revisions";
import { snapshotOf } from "@/lib/publishing/fact-check-snapshot";
import { takeFactCheckSnapshot } from "@/lib/publishing/take-fact-check-snapshot";
import { diffSnapshots, type SnapshotDiff } from "@/lib/publishing/diff-snapshots";

export type WorkingVersionComparison = {
  slug: string;
  publishedRevisionNumber: number;
  /** When readers first saw the published revision: the publication, or the correction that brought it. */
  publishedAt: Date;
  /** The claim, passages and links as they stand now, against the published snapshot. */
  page: SnapshotDiff;
  /** The verdict's working text (draft, or the revision in review or approved) against the published one; null when it reads the same. */
  verdict: RevisionDiff | null;
};

/**
 * What editors have changed on a published fact-check that readers do not see yet: the working
 * version (live claim, passages, links and verdict draft) against the published snapshot. Null when
 * the claim has no published fact-check.
 */
export async function compareWorkingVersion(actor: Actor, claimId: string): Promise<WorkingVersionComparison | null> {
  requirePermission(actor, "claims.read");
  if (!z.uuid().safeParse(claimId).success) return null;
  return getDb().$transaction(async (tx) => {
    const verdict = await tx.verdict.findUnique({
      where: { claimId },
      include: {
        currentRevision: true,
        publication: {
          include: {
            publishedRevision: { include: { snapshot: true } },
            corrections: { orderBy: { createdAt: "desc" }, take: 1 },
          },
        },
      },
    });
    const publication = verdict?.publication;
    if (!verdict || !publication) return null;
    const published = publication.publishedRevision;
    const working =
      verdict.status === "draft" || verdict.status === "changes_requested"
        ? verdict.draftRating && { rating: verdict.draftRating, headline: verdict.draftHeadline, summary: verdict.draftSummary, explanation: verdict.draftExplanation }
        : verdict.currentRevision;
    const verdictDiff = working ? diffRevisions(published, working) : null;
    const lastCorrection = publication.corrections[0];
    return {
      slug: publication.slug,
      publishedRevisionNumber: published.number,
      publishedAt: lastCorrection?.revisionId === published.id ? lastCorrection.createdAt : publication.firstPublishedAt,
      page: diffSnapshots(snapshotOf(published), await takeFactCheckSnapshot(tx, claimId)),
      verdict: verdictDiff?.changed ? verdictDiff : null,
    };
  });
}
