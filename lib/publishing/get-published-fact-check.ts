import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ratingInfo, type RatingInfo } from "@/lib/verdicts/rating-scale";
import { buildClaimReview } from "@/lib/publishing/build-claim-review";

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
  passages: {
    id: string;
    exact: string;
    prefix: string;
    suffix: string;
    article: { title: string; outlet: string | null; url: string | null; language: string; publishedAt: Date | null };
  }[];
  related: { type: "supports" | "contradicts" | "same_claim"; direction: "from" | "to"; slug: string; statement: string; rating: RatingInfo }[];
  corrections: { date: Date; whatChanged: string; why: string; fromRevision: number; toRevision: number }[];
  claimReview: Record<string, unknown>;
};

/**
 * The public view of one fact-check: a pure function of its published revision. Readers see only
 * published data: no drafts, no reviewers, no unpublished claims (related claims appear only when
 * they are published themselves).
 */
export async function getPublishedFactCheck(slug: string): Promise<PublishedFactCheck | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const db = getDb();
  const publication = await db.publication.findUnique({
    where: { slug },
    include: {
      publishedRevision: true,
      corrections: { orderBy: { createdAt: "asc" }, include: { previousRevision: true, revision: true } },
      verdict: {
        include: {
          claim: {
            include: {
              passages: {
                where: { article: { deletedAt: null }, status: { not: "orphaned" } },
                orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }],
                include: { article: { include: { revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } } } },
              },
              relationsFrom: { include: { toClaim: { include: { verdict: { include: { publication: { include: { publishedRevision: true } } } } } } } },
              relationsTo: { include: { fromClaim: { include: { verdict: { include: { publication: { include: { publishedRevision: true } } } } } } } },
            },
          },
        },
      },
    },
  });
  if (!publication) return null;
  const revision = publication.publishedRevision;
  const claim = publication.verdict.claim;

  const related: PublishedFactCheck["related"] = [];
  const addRelated = (
    type: PublishedFactCheck["related"][number]["type"],
    direction: "from" | "to",
    other: (typeof claim.relationsFrom)[number]["toClaim"],
  ) => {
    const otherPublication = other.verdict?.publication;
    if (!otherPublication) return;
    related.push({
      type,
      direction,
      slug: otherPublication.slug,
      statement: other.statement,
      rating: ratingInfo(otherPublication.publishedRevision.rating),
    });
  };
  for (const relation of claim.relationsFrom) addRelated(relation.type, "from", relation.toClaim);
  for (const relation of claim.relationsTo) addRelated(relation.type, "to", relation.fromClaim);

  // Each article is quoted from its current revision; earlier revisions keep their own passages.
  const passages = claim.passages.filter((passage) => passage.articleRevisionId === passage.article.revisions[0]?.id);
  const articles = new Map(passages.map((passage) => [passage.article.id, passage.article]));
  const env = getEnv();
  const url = new URL(`/fact-checks/${publication.slug}`, env.SITE_URL).toString();
  return {
    slug: publication.slug,
    headline: revision.headline,
    rating: ratingInfo(revision.rating),
    summary: revision.summary,
    explanation: revision.explanation,
    revisionNumber: revision.number,
    claim: { statement: claim.statement, claimant: claim.claimant, claimedAt: claim.claimedAt, language: claim.language },
    firstPublishedAt: publication.firstPublishedAt,
    updatedAt: publication.updatedAt,
    passages: passages.map((passage) => ({
      id: passage.id,
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      article: {
        title: passage.article.title,
        outlet: passage.article.outlet,
        url: passage.article.url,
        language: passage.article.language,
        publishedAt: passage.article.publishedAt,
      },
    })),
    related,
    corrections: publication.corrections.map((correction) => ({
      date: correction.createdAt,
      whatChanged: correction.whatChanged,
      why: correction.why,
      fromRevision: correction.previousRevision.number,
      toRevision: correction.revision.number,
    })),
    claimReview: buildClaimReview({
      url,
      newsroom: { name: env.NEWSROOM_NAME, url: new URL("/", env.SITE_URL).toString() },
      claimStatement: claim.statement,
      claimant: claim.claimant,
      claimantSameAs: claim.claimantSameAs,
      claimedAt: claim.claimedAt,
      rating: revision.rating,
      headline: revision.headline,
      datePublished: publication.firstPublishedAt,
      dateModified: publication.updatedAt,
      appearances: [...articles.values()].map((article) => ({
        url: article.url,
        title: article.title,
        outlet: article.outlet,
        publishedAt: article.publishedAt,
      })),
    }),
  };
}
