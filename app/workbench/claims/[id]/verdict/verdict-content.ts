// What the verdict draft form edits, and what a save refused as a conflict says about the other side.
import type { ActionError } from "@/lib/actions/create-action";
import type { RatingInfo } from "@/lib/verdicts/rating-scale";

export type Rating = RatingInfo["rating"];
export type Content = { rating: Rating | null; headline: string; summary: string; explanation: string };
export type Theirs = Content & { version: number; status: string };
export type Conflict = { message: string; theirs: Theirs | null; yours: Content };
export type CitablePassage = { id: string; exact: string; source: string };

export const HEADLINE_MAX = 74;

export function sameContent(a: Content, b: Content): boolean {
  return a.rating === b.rating && a.headline === b.headline && a.summary === b.summary && a.explanation === b.explanation;
}

export function readConflict(error: ActionError, yours: Content): Conflict {
  const details = error.details as { theirs?: Partial<Theirs> } | undefined;
  const theirs = details?.theirs;
  return {
    message: error.message,
    yours,
    theirs:
      theirs && typeof theirs.version === "number"
        ? {
            version: theirs.version,
            status: String(theirs.status ?? ""),
            rating: (theirs.rating ?? null) as Rating | null,
            headline: String(theirs.headline ?? ""),
            summary: String(theirs.summary ?? ""),
            explanation: String(theirs.explanation ?? ""),
          }
        : null,
  };
}
