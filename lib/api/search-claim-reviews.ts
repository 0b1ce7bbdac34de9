import { z } from "zod";
import { getEnv } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { languageCode } from "@/lib/validation";
import { MAX_QUERY_LENGTH } from "@/lib/search/text-query";
import { MAX_READER_PAGE_SIZE, searchPublishedFactChecks, type PublishedFactCheckHit } from "@/lib/search/search-published-fact-checks";
import { BadParameter } from "@/lib/api/parameters";

export const DEFAULT_API_PAGE_SIZE = 10;
export const MAX_AGE_DAYS = 36_500;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `a whole number from ${min} to ${max}`);

/** The parameters of GET /api/v1/claims:search, named as in Google Fact Check Tools' claims:search. */
export const claimsSearchParameters = z.object({
  query: z.string().max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`).optional(),
  /** A BCP-47 tag ("en", "en-GB"): claims are stored by their primary language. */
  languageCode: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "a language code such as en or fr-CA")
    .transform((tag) => tag.split("-")[0]!.toLowerCase())
    .pipe(languageCode)
    .optional(),
  reviewPublisherSiteFilter: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]{1,253}$/, "a site's host name, such as example.org")
    .optional(),
  maxAgeDays: wholeNumber(1, MAX_AGE_DAYS).optional(),
  pageSize: wholeNumber(1, MAX_READER_PAGE_SIZE).default(DEFAULT_API_PAGE_SIZE),
  pageToken: z.string().optional(),
  /** Google's API key: accepted so that its clients work unchanged, and ignored (no key is needed). */
  key: z.string().max(200).optional(),
});
export type ClaimsSearchParameters = z.output<typeof claimsSearchParameters>;

export type ClaimReviewAnswer = {
  publisher: { name: string; site: string };
  url: string;
  title: string;
  reviewDate: string;
  textualRating: string;
  languageCode: string;
};
export type ClaimAnswer = { text: string; claimant: string; claimDate?: string; claimReview: ClaimReviewAnswer[] };
export type ClaimsSearchAnswer = { claims: ClaimAnswer[]; nextPageToken?: string };

// The reader search's field names as the API calls them, for refusals raised by the search itself.
const API_NAMES: Record<string, string> = { q: "query", language: "languageCode", cursor: "pageToken", limit: "pageSize", publishedSince: "maxAgeDays" };

/**
 * Published fact-checks in the shape of Google Fact Check Tools' claims:search: one claim per
 * fact-check, reviewed by this newsroom. It is the readers' search (published_search, within its
 * bounds; "busy" past them), so only approved, published revisions can appear. Without a query,
 * newest first. maxAgeDays counts from the start of today (UTC) to the first publication.
 */
export async function searchClaimReviews(parameters: ClaimsSearchParameters): Promise<ClaimsSearchAnswer> {
  const env = getEnv();
  const site = new URL(env.SITE_URL).hostname.replace(/^www\./, "");
  const filter = parameters.reviewPublisherSiteFilter?.replace(/^www\./, "");
  // This newsroom is the only publisher here: another site's filter matches nothing.
  if (filter && filter !== site && !site.endsWith(`.${filter}`)) return { claims: [] };

  let publishedSince: string | undefined;
  if (parameters.maxAgeDays) {
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    publishedSince = new Date(today - parameters.maxAgeDays * 86_400_000).toISOString().slice(0, 10);
  }
  try {
    const result = await searchPublishedFactChecks({
      q: parameters.query,
      language: parameters.languageCode,
      publishedSince,
      cursor: parameters.pageToken,
      limit: parameters.pageSize,
    });
    const publisher = { name: env.NEWSROOM_NAME, site };
    return {
      claims: result.items.map((hit) => claimOf(hit, publisher, env.SITE_URL)),
      ...(result.nextCursor ? { nextPageToken: result.nextCursor } : {}),
    };
  } catch (error) {
    if (isDomainError(error) && error.code === "invalid") {
      // A refusal without fields is the page cursor's (damaged, or made for another search).
      const fields = (error.details?.fields ?? {}) as Record<string, string[] | undefined>;
      const [name, messages] = Object.entries(fields)[0] ?? ["cursor", [error.message]];
      throw new BadParameter(API_NAMES[name] ?? name, messages?.[0] ?? error.message);
    }
    throw error;
  }
}

function claimOf(hit: PublishedFactCheckHit, publisher: ClaimReviewAnswer["publisher"], siteUrl: string): ClaimAnswer {
  return {
    text: hit.claimStatement,
    claimant: hit.claimant,
    ...(hit.claimedAt ? { claimDate: hit.claimedAt.toISOString() } : {}),
    claimReview: [
      {
        publisher,
        url: new URL(`/fact-checks/${hit.slug}`, siteUrl).toString(),
        title: hit.headline,
        reviewDate: hit.firstPublishedAt.toISOString(),
        textualRating: hit.rating.label,
        languageCode: hit.language,
      },
    ],
  };
}
