// ClaimReviews in JSON-LD, as fact-checkers publish them: in their pages' <script
// type="application/ld+json"> blocks and in schema.org DataFeed files. A block or file may hold one
// ClaimReview, an array of them, an @graph, or a DataFeed whose elements are ClaimReviews or
// DataFeedItems wrapping them. Only those containers are walked, never every property: a
// ClaimReview quoted inside another one's text is not a second review.
import { numericRatingText, type ExternalReviewInput } from "./external-review";

/** One review found in a file, or what keeps it from being one, with where it is for the person. */
export type FoundItem = { location: string; input: ExternalReviewInput } | { location: string; problem: string };

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const types = (node: Node): string[] => [node["@type"]].flat().filter((type): type is string => typeof type === "string").map((type) => type.replace(/^.*[/:]/u, ""));

/** A name given as text or as an object with a name (an Organization, a Person). */
function nameOf(value: unknown): unknown {
  const item = first(value);
  return isNode(item) ? item.name : item;
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/** Walks the containers JSON-LD puts ClaimReviews in; `visit` gets each ClaimReview node with its index in the walk. */
export function collectClaimReviews(value: unknown, visit: (node: Node) => void, depth = 0): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) collectClaimReviews(item, visit, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  if (types(value).includes("ClaimReview")) {
    visit(value);
    return;
  }
  for (const container of ["@graph", "dataFeedElement", "item", "mainEntity"]) {
    if (container in value) collectClaimReviews(value[container], visit, depth + 1);
  }
}

/** A ClaimReview node as the fields of a review; `page` fills in what a page says of itself. */
export function claimReviewInput(node: Node, page: { url?: string; language?: string } = {}): ExternalReviewInput {
  const claim = isNode(first(node.itemReviewed)) ? (first(node.itemReviewed) as Node) : {};
  const rating = isNode(first(node.reviewRating)) ? (first(node.reviewRating) as Node) : {};
  const publisher = first(node.author) ?? first(node.publisher);
  const ratingValue = numberOf(rating.ratingValue);
  const bestRating = numberOf(rating.bestRating);
  const worstRating = numberOf(rating.worstRating);
  const firstAppearance = isNode(first(claim.firstAppearance)) ? (first(claim.firstAppearance) as Node) : {};
  const language = first(node.inLanguage);
  return {
    publisherName: nameOf(publisher),
    publisherSite: isNode(publisher) ? publisher.url : undefined,
    reviewUrl: node.url ?? page.url,
    headline: node.headline ?? node.name,
    reviewedAt: node.datePublished,
    claimText: node.claimReviewed ?? claim.name ?? claim.text,
    claimant: nameOf(claim.author),
    claimedAt: claim.datePublished ?? firstAppearance.datePublished,
    ratingText: rating.alternateName ?? (ratingValue !== undefined ? numericRatingText(ratingValue, bestRating, worstRating) : undefined),
    ratingValue,
    bestRating,
    worstRating,
    language: (isNode(language) ? language.alternateName : language) ?? page.language,
  };
}

/** A DataFeed file (or any JSON-LD file): one item per ClaimReview, numbered in file order. */
export function readJsonLdDocument(document: unknown): FoundItem[] {
  const items: FoundItem[] = [];
  collectClaimReviews(document, (node) => items.push({ location: `item ${items.length + 1}`, input: claimReviewInput(node) }));
  return items;
}
