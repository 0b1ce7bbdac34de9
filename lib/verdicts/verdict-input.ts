import { z } from "zod";
import { reason } from "@/lib/validation";
import type { FieldIssue } from "@/lib/errors";

export const RATINGS = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"] as const;

/** A verdict's content as an editor writes it; complete only when submitted. */
export const verdictContentSchema = z.object({
  rating: z.enum(RATINGS, "choose a rating on the scale").nullable(),
  headline: z.string().trim().max(74, reason("headlineTooLong")),
  summary: z.string().trim().max(2000),
  explanation: z.string().trim().max(50_000),
});
export type VerdictContent = z.infer<typeof verdictContentSchema>;

/** What a submitted revision must hold. */
export function missingForSubmission(content: {
  rating: string | null;
  headline: string;
  summary: string;
  explanation: string;
}): FieldIssue[] {
  const missing: FieldIssue[] = [];
  if (!content.rating) missing.push({ field: "", reason: "aRating" });
  if (!content.headline.trim()) missing.push({ field: "", reason: "aHeadline" });
  if (!content.summary.trim()) missing.push({ field: "", reason: "aSummary" });
  if (!content.explanation.trim()) missing.push({ field: "", reason: "anExplanation" });
  return missing;
}
