import { getEnv } from "@/lib/env";
import { RATING_SCALE } from "@/lib/verdicts/rating-scale";
import { MAX_QUERY_LENGTH } from "@/lib/search/text-query";
import { MAX_READER_PAGE_SIZE } from "@/lib/search/search-published-fact-checks";
import { DEFAULT_API_PAGE_SIZE, MAX_AGE_DAYS } from "@/lib/api/search-claim-reviews";
import { PUBLIC_API_RATE_LIMIT } from "@/lib/api/rate-limit";
import { CLAIM_REVIEW_FEED_PATH } from "@/lib/api/stream-claim-review-feed";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const answer = (name: string) => ({ $ref: `#/components/responses/${name}` });
const text = { type: "string" };
const instant = { type: "string", format: "date-time" };
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: "null" }] });
const object = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
const validators = {
  ETag: { description: "Changes whenever the answer may change.", schema: text },
  "Last-Modified": { description: "When published data last changed.", schema: text },
  "Access-Control-Allow-Origin": { schema: { const: "*" } },
};
/** What every read answers: its body, 304 for a current copy, and the refusals any read can give. */
const readResponses = (description: string, mediaType: string, schema: string, refusals: Record<string, unknown> = {}) => ({
  "200": { description, headers: validators, content: { [mediaType]: { schema: ref(schema) } } },
  "304": { description: "The client's copy is current.", headers: validators },
  "400": answer("BadParameter"),
  ...refusals,
  "429": answer("TooManyRequests"),
  "503": answer("Busy"),
});
const conditional = [
  { name: "If-None-Match", in: "header", required: false, schema: text },
  { name: "If-Modified-Since", in: "header", required: false, schema: text },
];

/**
 * The OpenAPI 3.1 description of the public read API (/api/v1/openapi.json). Its limits and names
 * come from the modules that enforce them; the integration tests validate real answers against it.
 */
export function openApiDocument(): Record<string, unknown> {
  const env = getEnv();
  const { burst, ratePerSecond } = PUBLIC_API_RATE_LIMIT;
  return {
    openapi: "3.1.0",
    info: {
      title: `${env.NEWSROOM_NAME} fact-check API`,
      version: "1.0.0",
      description:
        "Published fact-checks only (approved and published revisions). Anonymous, read-only, CORS open to any origin. " +
        `Rate limit per client address: ${burst} requests at once, then ${ratePerSecond} per second; past it 429 with Retry-After. ` +
        "Answers carry ETag and Last-Modified and answer 304 to If-None-Match or If-Modified-Since.",
    },
    servers: [{ url: new URL("/api/v1", env.SITE_URL).toString() }],
    paths: {
      "/claims:search": {
        get: {
          operationId: "searchClaims",
          summary: "Search published fact-checks, in the shape of Google Fact Check Tools' claims:search.",
          parameters: [
            { name: "query", in: "query", description: "Words to look for; without it, newest first.", schema: { type: "string", maxLength: MAX_QUERY_LENGTH } },
            { name: "languageCode", in: "query", description: "BCP-47 language of the claim (its primary language counts), e.g. en.", schema: text },
            { name: "reviewPublisherSiteFilter", in: "query", description: "Only reviews by this site (this API serves one publisher).", schema: text },
            { name: "maxAgeDays", in: "query", description: "Only fact-checks first published at most this many days before today (UTC).", schema: { type: "integer", minimum: 1, maximum: MAX_AGE_DAYS } },
            { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: MAX_READER_PAGE_SIZE, default: DEFAULT_API_PAGE_SIZE } },
            { name: "pageToken", in: "query", description: "nextPageToken of the previous page, with the same other parameters.", schema: text },
            { name: "key", in: "query", description: "Ignored: accepted so that clients of Google's API work unchanged; no key is needed.", schema: text },
            ...conditional,
          ],
          responses: readResponses("A page of claims.", "application/json", "ClaimsSearchAnswer"),
        },
      },
      "/fact-checks/{slug}": {
        get: {
          operationId: "getFactCheck",
          summary: "One published fact-check, with its ClaimReview.",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,120}$" } }, ...conditional],
          responses: readResponses("The fact-check.", "application/json", "FactCheck", { "404": answer("NotFound") }),
        },
      },
      [CLAIM_REVIEW_FEED_PATH.replace("/api/v1", "")]: {
        get: {
          operationId: "getClaimReviewFeed",
          summary: "Every published ClaimReview as one schema.org DataFeed (JSON-LD), newest first, streamed.",
          parameters: conditional,
          responses: readResponses("The feed.", "application/ld+json", "DataFeed"),
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document.",
          parameters: conditional,
          responses: readResponses("This OpenAPI 3.1 document.", "application/json", "OpenApiDocument"),
        },
      },
    },
    components: {
      schemas: {
        ClaimsSearchAnswer: object({ claims: { type: "array", items: ref("Claim") }, nextPageToken: text }, ["nextPageToken"]),
        Claim: object({ text, claimant: text, claimDate: instant, claimReview: { type: "array", items: ref("ClaimReview") } }, ["claimDate"]),
        ClaimReview: object({
          publisher: object({ name: text, site: text }),
          url: { type: "string", format: "uri" },
          title: text,
          reviewDate: instant,
          textualRating: { enum: RATING_SCALE.map((entry) => entry.label) },
          languageCode: text,
        }),
        RatingName: { enum: RATING_SCALE.map((entry) => entry.rating) },
        FactCheck: object({
          slug: text,
          url: { type: "string", format: "uri" },
          headline: text,
          rating: object({ name: ref("RatingName"), label: text, value: nullable({ type: "integer", minimum: 1, maximum: 5 }) }),
          summary: text,
          explanation: text,
          revision: { type: "integer", minimum: 1 },
          datePublished: instant,
          dateModified: instant,
          claim: object({ text, claimant: text, claimDate: nullable({ type: "string", format: "date" }), languageCode: text }),
          byline: object({ authors: { type: "array", items: text }, reviewer: nullable(text), original: nullable(object({ url: text })) }),
          quotes: {
            type: "array",
            items: object({
              text,
              article: object({ title: text, outlet: nullable(text), url: nullable(text), languageCode: text, datePublished: nullable(instant) }),
            }),
          },
          related: {
            type: "array",
            items: object({
              relation: { enum: ["supports", "contradicts", "same_claim"] },
              direction: { enum: ["from", "to"] },
              url: { type: "string", format: "uri" },
              claim: text,
              rating: ref("RatingName"),
            }),
          },
          corrections: {
            type: "array",
            items: object({
              kind: { enum: ["correction", "update"] },
              date: instant,
              whatChanged: text,
              why: text,
              fromRevision: { type: "integer" },
              toRevision: { type: "integer" },
            }),
          },
          claimReview: ref("ClaimReviewJsonLd"),
        }),
        ClaimReviewJsonLd: {
          ...object({
            "@type": { const: "ClaimReview" },
            url: { type: "string", format: "uri" },
            claimReviewed: text,
            datePublished: { type: "string", format: "date" },
            author: { type: "object" },
            reviewRating: object({ "@type": { const: "Rating" }, alternateName: text }),
            itemReviewed: object({ "@type": { const: "Claim" } }),
          }),
          description: "schema.org ClaimReview, as embedded in the fact-check page.",
        },
        DataFeed: object({
          "@context": { const: "https://schema.org" },
          "@type": { const: "DataFeed" },
          name: text,
          url: { type: "string", format: "uri" },
          dataFeedElement: { type: "array", items: ref("ClaimReviewJsonLd") },
        }),
        OpenApiDocument: { type: "object", required: ["openapi", "paths"] },
        Error: object({ error: object({ code: text, message: text, parameter: text }, ["parameter"]) }),
      },
      responses: {
        BadParameter: { description: "A parameter is wrong; `parameter` names it, `message` says what is allowed.", content: { "application/json": { schema: ref("Error") } } },
        NotFound: { description: "No published fact-check has this slug.", content: { "application/json": { schema: ref("Error") } } },
        TooManyRequests: {
          description: "Past this address's rate limit.",
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
          content: { "application/json": { schema: ref("Error") } },
        },
        Busy: {
          description: "Search (or the database) is busy; try again after Retry-After seconds.",
          headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
          content: { "application/json": { schema: ref("Error") } },
        },
      },
    },
  };
}
