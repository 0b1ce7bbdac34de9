import search from "approx-string-match";

export type ApproximateMatch = { start: number; end: number; errors: number };

export type ApproximateSearch = {
  matches: ApproximateMatch[];
  /** False when matches with more edits than the reported ones may exist in the region. */
  complete: boolean;
};

// Below this length, pieces of a pattern occur too often in any text for the filter to pay off.
const MIN_PIECE_LENGTH = 8;
// Verifying a place costs a bit-parallel search over its window: past one place per this many
// window lengths of the region, one pass over the region is cheaper than the filter.
const WINDOWS_PER_PLACE = 4;

/**
 * Matches of `pattern` with at most `maxErrors` edits lying in text[from, to).
 *
 * approx-string-match (Myers' bit-parallel algorithm) reports only the least-edited matches of a
 * search, so on its own a lookalike with fewer edits would hide the real passage: when it is used
 * over the region, `complete` is false and the caller searches the gaps around the reported
 * matches again, for as long as a match there could still matter.
 *
 * With a small error budget on a long region a pigeonhole filter replaces that pass: with at most
 * k edits, one of k + 1 disjoint pieces of the pattern survives intact, indexOf finds the pieces
 * far faster than a character-by-character scan, and each place hit is verified on its own small
 * window. Every match is then reported (`complete` is true), but for one starting within 4k of a
 * reported match, which overlaps it by far more than half the pattern. With `filterOnly`, null
 * says the filter does not apply (pieces too short, or too frequent to be worth verifying).
 */
export function findApproximateMatches(
  text: string,
  pattern: string,
  from: number,
  to: number,
  maxErrors: number,
  filterOnly = false,
): ApproximateSearch | null {
  const length = pattern.length;
  // Under half the pattern: a match then always leaves the gaps around it smaller than the region.
  const k = Math.min(Math.floor(maxErrors), Math.ceil(length / 2) - 1);
  if (k < 0 || length === 0 || to - from < length - k) return { matches: [], complete: true };
  if (k === 0) return { matches: exactMatches(text, pattern, from, to), complete: true };

  const pieceLength = Math.floor(length / (k + 1));
  if (pieceLength >= MIN_PIECE_LENGTH && (filterOnly || to - from > 8 * (length + 3 * k))) {
    const windows = pieceWindows(text, pattern, from, to, k, pieceLength);
    if (windows !== null) {
      const matches: ApproximateMatch[] = [];
      for (const window of windows) {
        for (const match of searchRegion(text, pattern, window.from, window.to, k)) {
          if (!matches.some((known) => known.start === match.start && known.end === match.end)) matches.push(match);
        }
      }
      return { matches, complete: true };
    }
  }
  if (filterOnly) return null;
  const matches = searchRegion(text, pattern, from, to, k);
  return { matches, complete: matches.length === 0 };
}

function exactMatches(text: string, pattern: string, from: number, to: number): ApproximateMatch[] {
  // indexOf on the region alone: on the whole text a miss would scan on to its end.
  const region = text.slice(from, to);
  const matches: ApproximateMatch[] = [];
  for (let at = region.indexOf(pattern); at !== -1; at = region.indexOf(pattern, at + 1)) {
    matches.push({ start: from + at, end: from + at + pattern.length, errors: 0 });
  }
  return matches;
}

/** Windows around the piece hits, one per place; null when the pieces occur too often. */
function pieceWindows(text: string, pattern: string, from: number, to: number, k: number, pieceLength: number): { from: number; to: number }[] | null {
  const region = text.slice(from, to);
  const windowLength = pattern.length + 3 * k;
  const maxPlaces = Math.max(4, region.length / (WINDOWS_PER_PLACE * windowLength));
  const starts = new Set<number>();
  for (let p = 0; p <= k; p++) {
    const offset = p * pieceLength;
    const piece = pattern.slice(offset, offset + pieceLength);
    for (let at = region.indexOf(piece); at !== -1; at = region.indexOf(piece, at + 1)) {
      // The piece shifted at most k places within the match: the match starts within k of
      // at - offset and ends at most k past the pattern's length after its start.
      starts.add(from + at - offset - k);
      // Each place may be hit by all k + 1 pieces.
      if (starts.size > maxPlaces * (k + 1)) return null;
    }
  }
  // Hits of several pieces of one match start within k of each other: one window for them all
  // (it can only hide a match overlapping the reported one by far more than half).
  const windows: { from: number; to: number }[] = [];
  let clusterStart = Number.NEGATIVE_INFINITY;
  for (const start of [...starts].sort((a, b) => a - b)) {
    const last = windows[windows.length - 1];
    if (last !== undefined && start - clusterStart <= k) {
      last.to = Math.min(to, start + windowLength);
      continue;
    }
    clusterStart = start;
    windows.push({ from: Math.max(from, start), to: Math.min(to, start + windowLength) });
  }
  return windows.length > maxPlaces ? null : windows;
}

function searchRegion(text: string, pattern: string, from: number, to: number, k: number): ApproximateMatch[] {
  if (to - from < pattern.length - k) return [];
  return search(text.slice(from, to), pattern, k).map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }));
}
