// One review by another fact-checker, whatever format it came in (HTML JSON-LD, DataFeed,
// claims:search answer, CSV): what the readers in this folder produce, checked by one zod schema.
import { createHash } from "node:crypto";
import { z } from "zod";
import { dayInput } from "@/lib/validation";

export const EXCHANGE_FORMATS = ["html", "data_feed", "claims_search", "csv"] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export const EXCHANGE_FORMAT_LABELS: Record<ExchangeFormat, string> = {
  html: "HTML page with ClaimReview JSON-LD",
  data_feed: "schema.org DataFeed",
  claims_search: "Google Fact Check Tools claims:search answer",
  csv: "CSV spreadsheet",
};

const collapse = (text: string) => text.normalize("NFC").replace(/\s+/gu, " ").trim();
const optionalText = (max: number, label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && collapse(value) === "" ? undefined : value),
    z.string().transform(collapse).pipe(z.string().max(max, `${label} is at most ${max} characters`)).optional(),
  );
const webAddress = (label: string) =>
  z
    .string(`${label} is missing`)
    .trim()
    .max(2000, `${label} is at most 2000 characters`)
    .refine((value) => URL.canParse(value) && /^https?:$/u.test(new URL(value).protocol), `${label} must be an http(s) address`);
const optionalDay = (label: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim().slice(0, 10) || undefined : value), dayInput(label).optional());
const optionalNumber = z.number().finite().optional();

export const externalReviewSchema = z.object({
  publisherName: z.string("the publisher's name is missing").transform(collapse).pipe(z.string().min(1, "the publisher's name is missing").max(300)),
  publisherSite: optionalText(300, "the publisher's site"),
  reviewUrl: webAddress("the review's address"),
  headline: optionalText(1000, "the headline"),
  reviewedAt: optionalDay("the review date"),
  claimText: z.string("the claim text is missing").transform(collapse).pipe(z.string().min(1, "the claim text is missing").max(5000, "the claim text is at most 5000 characters")),
  claimant: optionalText(300, "the claimant"),
  claimedAt: optionalDay("the claim date"),
  ratingText: z.string("the rating is missing").transform(collapse).pipe(z.string().min(1, "the rating is missing").max(200, "the rating is at most 200 characters")),
  ratingValue: optionalNumber,
  bestRating: optionalNumber,
  worstRating: optionalNumber,
  language: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase().slice(0, 2) || undefined : value),
    z.string().regex(/^[a-z]{2}$/u, "the language must be a two-letter code").default("und"),
  ),
});
export type ExternalReview = z.output<typeof externalReviewSchema>;
/** A review as a reader found it, before the schema checked it. */
export type ExternalReviewInput = { [Field in keyof ExternalReview]?: unknown };

/** Their rating text as the mapping table knows it: case, spacing and a final "!" or "." do not matter. */
export function ratingKey(ratingText: string): string {
  return collapse(ratingText).toLowerCase().replace(/[.!]+$/u, "").trim();
}

/** The rating text of a rating given only as a number: "2/5" (or "2 (1-5)" when the worst is not 1). */
export function numericRatingText(value: number, best = 5, worst = 1): string {
  return worst === 1 ? `${value}/${best}` : `${value} (${worst}-${best})`;
}

/**
 * What makes two reviews the same: the publisher's name, the review's address (without its #fragment)
 * and the claim text, each normalised. Their rating or date may be corrected later by the publisher;
 * a second import of the same review is still skipped (the first one stays as it was).
 */
export function dedupeKey(review: Pick<ExternalReview, "publisherName" | "reviewUrl" | "claimText">): string {
  const address = new URL(review.reviewUrl);
  address.hash = "";
  const parts = [collapse(review.publisherName).toLowerCase(), address.href, collapse(review.claimText).toLowerCase()];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
