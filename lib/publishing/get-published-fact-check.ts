import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { publishedClaimReview } from "@/lib/publishing/build-claim-review";
import { snapshotOf, type FactCheckSnapshot } from "@/lib/publishing/fact-check-snapshot";
import { publishedSource, type PublishedSource } from "@/lib/publishing/published-source";

export type PublishedFactCheck = {
  slug: string;
  headline: string;
  rating: RatingInfo;
  summary: string;
  explanation: string;
  revisionNumber: number;
  claim: { statement: string; claimant: string; claimedAt: Date | null; language: string };
  firstPublishedAt: Date;
  updatedAt: Date;
  byline: Byline;
  passages: {
    id: string;
    exact: string;
    prefix: string;
    suffix: string;
    article: PublishedSource;
  }[];
  /** Every article quoted, once, in the order of the passages. */
  sources: PublishedSource[];
  related: { type: "supports" | "contradicts" | "same_claim"; direction: "from" | "to"; slug: string; statement: string; rating: RatingInfo }[];
  corrections: {
    kind: "correction" | "update";
    date: Date;
    whatChanged: string;
    why: string;
    /** The date a changed source was updated, when that led to this correction. */
    sourceUpdatedAt: Date | null;
    fromRevision: number;
    toRevision: number;
  }[];
  claimReview: Record<string, unknown>;
};

/**
 * Who wrote the published revision and who approved it; reviewer null when the newsroom hides reviewers'
 * names. `original`: the revision came from the newsroom's archive (ADR 0010), approved by its first
 * publication at that address, with no author or reviewer in Claimwork.
 */
export type Byline = { authors: string[]; reviewer: string | null; original: { url: string } | null };

/** The claim as readers see it: the published snapshot's, with its date as a Date. */
export function snapshotClaim(snapshot: FactCheckSnapshot): PublishedFactCheck["claim"] {
  const { statement, claimant, claimedAt, language } = snapshot.claim;
  return { statement, claimant, claimedAt: claimedAt ? new Date(`${claimedAt}T00:00:00Z`) : null, language };
}

/**
 * The public view of one fact-check: a pure function of its published revision and the snapshot the
 * reviewer approved with it. Nothing is read from the live claim, passages, links or articles, which
 * editors keep working on: readers see a change only once a new revision is approved and published.
 */
export async function getPublishedFactCheck(slug: string): Promise<PublishedFactCheck | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const publication = await getDb().publication.findUnique({
    where: { slug },
    include: {
      publishedRevision: {
        include: {
          snapshot: true,
          authors: { include: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
          reviews: { where: { decision: "approve" }, orderBy: { createdAt: "desc" }, take: 1, include: { reviewer: { select: { name: true } } } },
          importedPublication: { select: { originalUrl: true } },
        },
      },
      corrections: { orderBy: { createdAt: "asc" }, include: { previousRevision: true, revision: true } },
    },
  });
  if (!publication) return null;
  const revision = publication.publishedRevision;
  const snapshot = snapshotOf(revision);
  const env = getEnv();
  const passages = snapshot.passages.map((passage) => ({
    id: passage.passageId,
    exact: passage.exact,
    prefix: passage.prefix,
    suffix: passage.suffix,
    article: publishedSource(passage.article),
  }));
  const sources = [...new Map(passages.map((passage) => [passage.article.id, passage.article])).values()];
  const claim = snapshotClaim(snapshot);
  return {
    slug: publication.slug,
    headline: revision.headline,
    rating: ratingInfo(revision.rating),
    summary: revision.summary,
    explanation: revision.explanation,
    revisionNumber: revision.number,
    claim,
    firstPublishedAt: publication.firstPublishedAt,
    updatedAt: publication.updatedAt,
    byline: {
      authors: revision.authors.map((author) => author.user.name),
      reviewer: env.PUBLIC_REVIEWER_NAMES === "show" ? (revision.reviews[0]?.reviewer.name ?? null) : null,
      original: revision.importedPublication ? { url: revision.importedPublication.originalUrl } : null,
    },
    passages,
    sources,
    related: snapshot.related.map((related) => ({
      type: related.type,
      direction: related.direction,
      slug: related.slug,
      statement: related.statement,
      rating: ratingInfo(related.rating),
    })),
    corrections: publication.corrections.map((correction) => ({
      kind: correction.kind,
      date: correction.createdAt,
      whatChanged: correction.whatChanged,
      why: correction.why,
      sourceUpdatedAt: correction.sourceUpdatedAt,
      fromRevision: correction.previousRevision.number,
      toRevision: correction.revision.number,
    })),
    claimReview: publishedClaimReview({
      slug: publication.slug,
      revision,
      snapshot,
      firstPublishedAt: publication.firstPublishedAt,
      updatedAt: publication.updatedAt,
    }),
  };
}
