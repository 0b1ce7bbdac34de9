import { BEST_RATING, WORST_RATING, ratingInfo } from "@/lib/verdicts/rating-scale";
import type { Rating } from "@/lib/generated/prisma/enums";

export type ClaimReviewSource = {
  url: string;
  newsroom: { name: string; url: string };
  claimStatement: string;
  claimant: string;
  claimantSameAs: string | null;
  claimedAt: Date | null;
  rating: Rating;
  headline: string;
  datePublished: Date;
  dateModified: Date;
  appearances: { url: string | null; title: string; outlet: string | null; publishedAt: Date | null }[];
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** schema.org ClaimReview, with the fields Google documents for fact-check markup. */
export function buildClaimReview(source: ClaimReviewSource): Record<string, unknown> {
  const info = ratingInfo(source.rating);
  const appearances = source.appearances.map((article) => ({
    "@type": "CreativeWork",
    ...(article.url ? { url: article.url } : {}),
    headline: article.title,
    ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
    ...(article.publishedAt ? { datePublished: isoDate(article.publishedAt) } : {}),
  }));
  const dated = source.appearances.filter((article) => article.publishedAt);
  const first = dated.sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime())[0];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: source.url,
    claimReviewed: source.claimStatement,
    headline: source.headline,
    datePublished: isoDate(source.datePublished),
    dateModified: source.dateModified.toISOString(),
    author: { "@type": "Organization", name: source.newsroom.name, url: source.newsroom.url },
    reviewRating: {
      "@type": "Rating",
      // Unproven sits outside the numeric scale: it carries only its name.
      ...(info.value !== null ? { ratingValue: info.value, bestRating: BEST_RATING, worstRating: WORST_RATING } : {}),
      alternateName: info.label,
    },
    itemReviewed: {
      "@type": "Claim",
      author: {
        "@type": "Person",
        name: source.claimant,
        ...(source.claimantSameAs ? { sameAs: source.claimantSameAs } : {}),
      },
      ...(source.claimedAt ? { datePublished: isoDate(source.claimedAt) } : {}),
      ...(appearances.length ? { appearance: appearances } : {}),
      ...(first ? { firstAppearance: appearances[source.appearances.indexOf(first)] } : {}),
    },
  };
}

/** JSON for a <script type="application/ld+json"> block: no claim text can close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
