import search from "approx-string-match";

// The Hypothesis annotator's quote matching (src/annotator/anchoring/match-quote.ts), rewritten
// here as the benchmark's baseline: exact occurrences if any, else the least-edited approximate
// matches of the quote (at most min(256, length / 2) errors), each scored on quote, prefix, suffix
// and position; the best score wins and nothing is ever orphaned.

type Match = { start: number; end: number; errors: number };

function findMatches(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const best = findMatches(text, pattern, pattern.length)[0];
  return best === undefined ? 0 : 1 - best.errors / pattern.length;
}

/** The baseline's place for a quote, or null when the quote matches nowhere within its budget. */
export function matchQuoteBaseline(
  text: string,
  quote: { exact: string; prefix: string; suffix: string; start: number },
): { start: number; end: number } | null {
  const { exact, prefix, suffix, start: hint } = quote;
  if (exact.length === 0) return null;
  const matches = findMatches(text, exact, Math.min(256, exact.length / 2));
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(match.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (best === null || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}
