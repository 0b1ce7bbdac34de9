import type { Rating } from "@/lib/generated/prisma/enums";

// The one documented rating scale (DESIGN.md section 2), shown on /methodology and in ClaimReview.
export type RatingInfo = { rating: Rating; label: string; value: number | null; meaning: string };

export const RATING_SCALE: readonly RatingInfo[] = [
  { rating: "false", label: "False", value: 1, meaning: "The claim is wrong: the evidence contradicts it." },
  { rating: "mostly_false", label: "Mostly false", value: 2, meaning: "An element of truth, but the claim misleads on what matters." },
  { rating: "mixed", label: "Mixed", value: 3, meaning: "Parts are accurate and parts are not, in about equal measure." },
  { rating: "mostly_true", label: "Mostly true", value: 4, meaning: "Accurate in substance, with a detail missing or wrong." },
  { rating: "true", label: "True", value: 5, meaning: "The claim is accurate and nothing significant is missing." },
  { rating: "unproven", label: "Unproven", value: null, meaning: "The available evidence neither confirms nor refutes it." },
];

export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function ratingInfo(rating: Rating): RatingInfo {
  const info = RATING_SCALE.find((entry) => entry.rating === rating);
  if (!info) throw new Error(`unknown rating ${rating}`);
  return info;
}
