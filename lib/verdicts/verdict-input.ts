import { z } from "zod";

export const RATINGS = ["false", "mostly_false", "mixed", "mostly_true", "true", "unproven"] as const;

/** A verdict's content as an editor writes it; complete only when submitted. */
export const verdictContentSchema = z.object({
  rating: z.enum(RATINGS, "choose a rating on the scale").nullable(),
  headline: z.string().trim().max(74, "the headline must be under 75 characters"),
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
}): string[] {
  const missing: string[] = [];
  if (!content.rating) missing.push("a rating");
  if (!content.headline.trim()) missing.push("a headline");
  if (!content.summary.trim()) missing.push("a summary");
  if (!content.explanation.trim()) missing.push("an explanation");
  return missing;
}
