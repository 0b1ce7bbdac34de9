// A Google Fact Check Tools `claims:search` answer: { claims: [{ text, claimant, claimDate,
// claimReview: [{ publisher: { name, site }, url, title, reviewDate, textualRating, languageCode }] }] }.
// Each review of each claim is one item.
import type { FoundItem } from "./read-json-ld-claim-reviews";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

export function isClaimsSearchAnswer(document: unknown): document is { claims: unknown[] } {
  return isNode(document) && Array.isArray(document.claims);
}

export function readClaimsSearchAnswer(document: { claims: unknown[] }): FoundItem[] {
  const items: FoundItem[] = [];
  document.claims.forEach((claim, claimIndex) => {
    const where = `claim ${claimIndex + 1}`;
    if (!isNode(claim)) return items.push({ location: where, problem: "a claim must be an object" });
    if (!Array.isArray(claim.claimReview) || claim.claimReview.length === 0) {
      return items.push({ location: where, problem: "the claim has no claimReview" });
    }
    claim.claimReview.forEach((review, reviewIndex) => {
      const location = `${where}, review ${reviewIndex + 1}`;
      if (!isNode(review)) return items.push({ location, problem: "a claimReview must be an object" });
      const publisher = isNode(review.publisher) ? review.publisher : {};
      items.push({
        location,
        input: {
          publisherName: publisher.name ?? publisher.site,
          publisherSite: publisher.site,
          reviewUrl: review.url,
          headline: review.title,
          reviewedAt: review.reviewDate,
          claimText: claim.text,
          claimant: claim.claimant,
          claimedAt: claim.claimDate,
          ratingText: review.textualRating,
          language: review.languageCode,
        },
      });
    });
  });
  return items;
}
