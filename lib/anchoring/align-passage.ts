// Where exactly a stored passage (prefix + exact + suffix) sits in a text near a known spot, and how
// many edits each of its three parts needs. One alignment of the whole window, rather than three
// separate ones, so that the quote's boundaries are the ones that explain the context best.

export type PassagePattern = {
  /** prefix + exact + suffix */
  window: string;
  prefixLength: number;
  quoteLength: number;
};

export type PassageAlignment = {
  /** The quote's range in the text (UTF-16 offsets). */
  start: number;
  end: number;
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
};

// Costs are (edits, edits inside the quote) compared in that order, packed in one exact integer:
// among alignments with as many edits, the one that leaves the quote most intact wins, so that a
// character inserted at a boundary, or a doubled letter losing one copy there, stays outside it.
const CONTEXT_EDIT = 65536;
const QUOTE_EDIT = 65537;
const INFINITY = 2 ** 52;
let scratch = new Float64Array(1 << 16);

/**
 * Banded edit-distance alignment of `pattern.window` against `text`, with the quote expected to
 * start near `quoteStart` (within `band` characters, which also bounds the net insertions and
 * deletions the alignment may use). Text before the prefix and after the suffix is free.
 */
export function alignPassage(text: string, pattern: PassagePattern, quoteStart: number, band: number): PassageAlignment {
  const window = pattern.window;
  const rows = window.length;
  const width = 2 * band + 1;
  const quoteFirstRow = pattern.prefixLength;
  const quoteLastRow = pattern.prefixLength + pattern.quoteLength;
  // Row i consumes window[i - 1]; an insertion in row i falls between window[i - 1] and window[i].
  const consumeCost = (i: number): number => (i > quoteFirstRow && i <= quoteLastRow ? QUOTE_EDIT : CONTEXT_EDIT);
  const insertCost = (i: number): number => (i > quoteFirstRow && i < quoteLastRow ? QUOTE_EDIT : CONTEXT_EDIT);
  // Column (text offset) of band cell k in row i is i + diagonal - band + k.
  const diagonal = quoteStart - pattern.prefixLength;
  const n = text.length;
  const size = (rows + 1) * width;
  // One matrix reused across calls: a fresh large typed array per candidate makes the garbage
  // collector pause for milliseconds now and then.
  if (scratch.length < size) scratch = new Float64Array(Math.max(size, 2 * scratch.length));
  const cost = scratch;

  // Columns before the text's start or past its end are virtual: their "characters" (charCodeAt
  // gives NaN) match nothing, so a context running off the text costs one edit per character,
  // as deleting it would, and every cell of the band stays reachable.
  cost.fill(0, 0, width);
  for (let i = 1; i <= rows; i++) {
    const row = i * width;
    const previous = row - width;
    const patternCode = window.charCodeAt(i - 1);
    const consume = consumeCost(i);
    const insert = insertCost(i);
    for (let k = 0; k < width; k++) {
      const j = i + diagonal - band + k;
      let best = (cost[previous + k] as number) + (text.charCodeAt(j - 1) === patternCode ? 0 : consume);
      if (k + 1 < width) best = Math.min(best, (cost[previous + k + 1] as number) + consume);
      if (k > 0) best = Math.min(best, (cost[row + k - 1] as number) + insert);
      cost[row + k] = best;
    }
  }

  // Free end: the cheapest cell of the last row, the leftmost on ties (no trailing insertions).
  let k = 0;
  const lastRow = rows * width;
  for (let c = 1; c < width; c++) if ((cost[lastRow + c] as number) < (cost[lastRow + k] as number)) k = c;

  let i = rows;
  let start = -1;
  let end = -1;
  const errors = [0, 0, 0]; // prefix, quote, suffix
  const partOfConsumed = (row: number): 0 | 1 | 2 => (row <= quoteFirstRow ? 0 : row <= quoteLastRow ? 1 : 2);
  const partOfInserted = (row: number): 0 | 1 | 2 => (row <= quoteFirstRow ? 0 : row < quoteLastRow ? 1 : 2);
  while (i > 0) {
    const here = cost[i * width + k] as number;
    const j = i + diagonal - band + k;
    const previous = (i - 1) * width;
    const same = text.charCodeAt(j - 1) === window.charCodeAt(i - 1);
    const diagonalCost = (cost[previous + k] as number) + (same ? 0 : consumeCost(i));
    const verticalCost = k + 1 < width ? (cost[previous + k + 1] as number) + consumeCost(i) : INFINITY;
    const horizontalCost = k > 0 ? (cost[i * width + k - 1] as number) + insertCost(i) : INFINITY;
    // On ties, a match first, then a deletion, then a substitution: when a deletion next to a
    // boundary could be on either side, it is taken on the later side.
    if (!(same && diagonalCost === here) && verticalCost === here) {
      errors[partOfConsumed(i)]! += 1;
      k += 1;
    } else if (!(same && diagonalCost === here) && diagonalCost !== here && horizontalCost === here) {
      errors[partOfInserted(i)]! += 1;
      k -= 1;
      continue;
    } else if (!same) {
      // The diagonal is always a way in: it is the fallback, too.
      errors[partOfConsumed(i)]! += 1;
    }
    // Leaving row i upwards: the quote ends where the path leaves its last row, and starts where
    // the path reaches the prefix's last row.
    if (i === quoteLastRow) end = j;
    i -= 1;
    if (i === quoteFirstRow) start = i + diagonal - band + k;
  }
  start = Math.min(Math.max(start, 0), n);
  end = Math.min(Math.max(end, start), n);
  return { start, end, prefixErrors: errors[0]!, quoteErrors: errors[1]!, suffixErrors: errors[2]! };
}
