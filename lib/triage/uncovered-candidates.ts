/** Where a passage of the revision is; unplaced (lost) passages cover nothing. */
type PlacedRange = { start: number | null; end: number | null };

/**
 * The candidates no passage of the revision covers yet: a sentence that overlaps a passage is
 * already a claim's (or part of one), so it is not proposed again. Pure; runs in the browser too.
 */
export function uncoveredCandidates<T extends { start: number; end: number }>(candidates: readonly T[], passages: readonly PlacedRange[]): T[] {
  return candidates.filter(
    (candidate) => !passages.some((passage) => passage.start !== null && passage.end !== null && passage.start < candidate.end && passage.end > candidate.start),
  );
}
