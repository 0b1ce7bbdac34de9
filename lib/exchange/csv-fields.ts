// The fields a CSV column can fill, shared by the reader (server) and the column form (browser).
import type { ExternalReviewInput } from "./external-review";

/** The fields a column can fill, with the words the page shows. */
export const CSV_FIELDS = {
  claimText: "Claim",
  claimant: "Claimant",
  claimedAt: "Claim date",
  publisherName: "Publisher",
  publisherSite: "Publisher site",
  reviewUrl: "Review address (URL)",
  headline: "Headline",
  reviewedAt: "Review date",
  ratingText: "Rating",
  language: "Language",
} as const satisfies Partial<Record<keyof ExternalReviewInput, string>>;
export type CsvField = keyof typeof CSV_FIELDS;
/** Field -> header of the column that fills it. */
export type CsvColumns = Partial<Record<CsvField, string>>;

