import { getDb } from "@/lib/db";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";

export type FactCheckSummary = {
  slug: string;
  headline: string;
  summary: string;
  rating: RatingInfo;
  claimStatement: string;
  claimant: string;
  firstPublishedAt: Date;
  updatedAt: Date;
  corrected: boolean;
};

/** The latest published fact-checks, newest first; only published revisions are read. */
export async function listPublishedFactChecks(limit = 30): Promise<FactCheckSummary[]> {
  const publications = await getDb().publication.findMany({
    orderBy: { updatedAt: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    include: {
      publishedRevision: true,
      verdict: { select: { claim: { select: { statement: true, claimant: true } } } },
      _count: { select: { corrections: true } },
    },
  });
  return publications.map((publication) => ({
    slug: publication.slug,
    headline: publication.publishedRevision.headline,
    summary: publication.publishedRevision.summary,
    rating: ratingInfo(publication.publishedRevision.rating),
    claimStatement: publication.verdict.claim.statement,
    claimant: publication.verdict.claim.claimant,
    firstPublishedAt: publication.firstPublishedAt,
    updatedAt: publication.updatedAt,
    corrected: publication._count.corrections > 0,
  }));
}
