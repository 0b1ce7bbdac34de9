import { BEST_RATING, WORST_RATING, ratingInfo, ratingWords } from "@/lib/verdicts/rating-scale";
import { localeOf, type Locale } from "@/lib/i18n/locales";
import type { Rating } from "@/lib/generated/prisma/enums";
import { getEnv } from "@/lib/env";
import type { FactCheckSnapshot } from "@/lib/publishing/fact-check-snapshot";

export type ClaimReviewSource = {
  url: string;
  newsroom: { name: string; url: string };
  claimStatement: string;
  claimant: string;
  claimantSameAs: string | null;
  claimedAt: Date | null;
  rating: Rating;
  /** The language the review is written and shown in (its page's language); the rating is named in it. */
  inLanguage: Locale;
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
    inLanguage: source.inLanguage,
    claimReviewed: source.claimStatement,
    headline: source.headline,
    datePublished: isoDate(source.datePublished),
    dateModified: source.dateModified.toISOString(),
    author: { "@type": "Organization", name: source.newsroom.name, url: source.newsroom.url },
    reviewRating: {
      "@type": "Rating",
      // Unproven sits outside the numeric scale: it carries only its name.
      ...(info.value !== null ? { ratingValue: info.value, bestRating: BEST_RATING, worstRating: WORST_RATING } : {}),
      alternateName: ratingWords(source.rating, source.inLanguage).name,
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

/**
 * The ClaimReview of a published fact-check, from its published revision and the snapshot approved
 * with it only: the fact-check page and the API's DataFeed both show this one.
 */
export function publishedClaimReview(published: {
  slug: string;
  revision: { rating: Rating; headline: string };
  snapshot: FactCheckSnapshot;
  firstPublishedAt: Date;
  updatedAt: Date;
}): Record<string, unknown> {
  const env = getEnv();
  const toDate = (iso: string | null) => (iso ? new Date(iso) : null);
  const { claim } = published.snapshot;
  const articles = new Map(published.snapshot.passages.map((passage) => [passage.article.id, passage.article]));
  return buildClaimReview({
    url: new URL(`/fact-checks/${published.slug}`, env.SITE_URL).toString(),
    newsroom: { name: env.NEWSROOM_NAME, url: new URL("/", env.SITE_URL).toString() },
    claimStatement: claim.statement,
    claimant: claim.claimant,
    claimantSameAs: claim.claimantSameAs,
    claimedAt: claim.claimedAt ? new Date(`${claim.claimedAt}T00:00:00Z`) : null,
    rating: published.revision.rating,
    // A fact-check is written in its claim's language, or in English when the app does not speak it.
    inLanguage: localeOf(claim.language),
    headline: published.revision.headline,
    datePublished: published.firstPublishedAt,
    dateModified: published.updatedAt,
    appearances: [...articles.values()].map((article) => ({
      url: article.url,
      title: article.title,
      outlet: article.outlet,
      publishedAt: toDate(article.publishedAt),
    })),
  });
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
