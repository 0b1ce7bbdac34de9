import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { getPublishedFactCheck } from "@/lib/publishing/get-published-fact-check";

/** Dates as the API writes them: a calendar day for days, an instant in UTC for instants. */
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const instant = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * One published fact-check for GET /api/v1/fact-checks/{slug}: what its page shows, read the same
 * way (the published revision and the snapshot approved with it), with its ClaimReview.
 */
export async function getFactCheckResource(slug: string): Promise<Record<string, unknown>> {
  const factCheck = await getPublishedFactCheck(slug);
  if (!factCheck) throw notFound("factCheck");
  const site = getEnv().SITE_URL;
  const page = (slugOf: string) => new URL(`/fact-checks/${slugOf}`, site).toString();
  return {
    slug: factCheck.slug,
    url: page(factCheck.slug),
    headline: factCheck.headline,
    rating: { name: factCheck.rating.rating, label: factCheck.rating.label, value: factCheck.rating.value },
    summary: factCheck.summary,
    explanation: factCheck.explanation,
    revision: factCheck.revisionNumber,
    datePublished: instant(factCheck.firstPublishedAt),
    dateModified: instant(factCheck.updatedAt),
    claim: {
      text: factCheck.claim.statement,
      claimant: factCheck.claim.claimant,
      claimDate: day(factCheck.claim.claimedAt),
      languageCode: factCheck.claim.language,
    },
    byline: factCheck.byline,
    quotes: factCheck.passages.map((passage) => ({
      text: passage.exact,
      article: {
        title: passage.article.title,
        outlet: passage.article.outlet,
        url: passage.article.url,
        languageCode: passage.article.language,
        datePublished: instant(passage.article.publishedAt),
      },
    })),
    related: factCheck.related.map((related) => ({
      relation: related.type,
      direction: related.direction,
      url: page(related.slug),
      claim: related.statement,
      rating: related.rating.rating,
    })),
    corrections: factCheck.corrections.map((correction) => ({
      kind: correction.kind,
      date: instant(correction.date),
      whatChanged: correction.whatChanged,
      why: correction.why,
      fromRevision: correction.fromRevision,
      toRevision: correction.toRevision,
    })),
    claimReview: factCheck.claimReview,
  };
}
