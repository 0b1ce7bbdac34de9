import { alignPassage, type PassagePattern } from "./align-passage";
import { checkContext } from "./check-context";
import { findApproximateMatches } from "./find-approximate-matches";

/** A stored passage: its quote, and (when known) its place in the text it was selected in. */
export type AnchorSelector = { exact: string; prefix: string; suffix: string; start?: number; end?: number };

/**
 * What re-anchoring made of a passage: kept (same text, same place), moved (same text, another
 * place), changed (its words were edited: the range holds the new wording, for the editor to
 * confirm) or lost (with the reason), never put in a doubtful place.
 */
export type AnchorResult =
  | { status: "kept" | "moved" | "changed"; start: number; end: number; confidence: number }
  | { status: "lost"; confidence: 0; reason: string };

export type ReanchorStatus = AnchorResult["status"];

// A place whose text differs from the quote by more than this share of edits is not the passage.
const MIN_QUOTE_SIMILARITY = 0.7;
// Two places whose costs (in edits) are closer than this are a tie: orphan rather than guess.
const AMBIGUITY_MARGIN = 4;
// Offsets shift by the net length of edits before the passage; up to this far it is not a move.
const DRIFT = 64;
// A passage found away from its old place pays this many edits' worth (reached at 2 * DRIFT):
// copies of a paragraph next to each other differ by their own edits only, so distance decides.
const MOVE_COST = 13;
// Past that, one more edit's worth per doubling of the distance, up to this many: of two equal
// places, one a few hundred characters away and one across the text, the nearer is the passage.
const MAX_DISTANCE_COST = 8;
// A wholly different neighbour (a moved paragraph's new surroundings) is one event, not 32 edits.
const CONTEXT_SIDE_CAP = 12;
// The search widens in rings of quote starts around the old place: most passages only drift.
const RING_RADII = [160, 1024, 8192];
// A full search allows at most this many edits in the quote (Hypothesis allows 256): a passage of
// more than 400 characters with more edits than that is only found near its old place.
const MAX_SEARCH_ERRORS = 128;
// See findWithinBudget.
const MAX_FILTER_PIECES = 24;
// A quote this long is evidence enough even when both its neighbours changed.
const MIN_EVIDENCE_WITHOUT_CONTEXT = 24;
// Bounds the approximate search on pathological texts (a short quote repeated everywhere), besides
// its deadline: searches, candidates, and characters scanned by full searches, in text lengths.
const MAX_SEARCHES = 400;
const MAX_CANDIDATES = 64;
const MAX_SCANNED_TEXTS = 6;
// A search without a deadline of its own stops after this long (ms).
const DEFAULT_SEARCH_MS = 250;
// Exact copies are counted between two looks at the clock in batches of this many.
const CLOCK_EVERY = 256;

type Candidate = {
  start: number;
  end: number;
  quoteErrors: number;
  prefixErrors: number;
  suffixErrors: number;
  cost: number;
};

/** Where the quote's whole range may lie, and how close to the old place its start can be. */
type Region = { from: number; to: number; distance: number };

/**
 * Finds a passage in a text without knowing the text it was selected in: for a quote whose old
 * revision is gone from view (a snapshot's quote), and for what the diff of two revisions could not
 * decide (reanchorRevision). Offsets are UTF-16. Searching stops at `deadline` (Date.now() ms):
 * what is not settled by then is lost, never guessed.
 *
 * Exact before fuzzy. Same offsets, same quote, same context: kept, after a few string
 * comparisons. prefix + exact + suffix at one place: there. The quote alone at one place: there,
 * unless the stored context says it is a lookalike (checkContext). Several copies: the one whose
 * context reads most like the stored one, if one does; a tie is lost.
 *
 * Then the approximate search: every place whose text is within 30% edits of the quote is a
 * candidate, costed in edits: the quote's edits, plus the prefix's and the suffix's (each side
 * capped: a new neighbour is one event), plus a move cost that is nil within a small drift of the
 * old place, then about a dozen edits, growing slowly with the distance. The cheapest candidate
 * wins only if no other place comes within AMBIGUITY_MARGIN of it and nearness did not overrule
 * context; otherwise, or with no candidate at all, the passage is lost with a reason.
 *
 * That search runs ring by ring outwards from the old place, and each region is searched only for
 * places that could still come within the margin of the best candidate so far: usually the first
 * ring settles it, and farther rings get an error budget small enough for an exact-piece filter
 * (indexOf) instead of a full bit-parallel pass (see findApproximateMatches).
 */
export function reanchor(text: string, selector: AnchorSelector, options: { deadline?: number } = {}): AnchorResult {
  const { exact, prefix, suffix } = selector;
  const m = exact.length;
  if (m === 0) return lost("The stored passage is empty.");
  const deadline = options.deadline ?? Date.now() + DEFAULT_SEARCH_MS;
  const old = selector.start;

  // Unchanged text: a few comparisons, no allocation.
  if (
    old !== undefined &&
    selector.end === old + m &&
    text.startsWith(exact, old) &&
    text.endsWith(prefix, old) &&
    text.startsWith(suffix, old + m)
  ) {
    return { status: "kept", start: old, end: old + m, confidence: 1 };
  }

  const exactly = findExactly(text, selector, deadline);
  if (exactly !== null) return exactly;

  const n = text.length;
  const hint = Math.min(Math.max(0, Math.trunc(old ?? 0) || 0), n);
  const pattern: PassagePattern = { window: prefix + exact + suffix, prefixLength: prefix.length, quoteLength: m };
  const maxQuoteErrors = Math.floor((1 - MIN_QUOTE_SIMILARITY) * m);
  const slack = Math.ceil(m / 2);

  const regions: Region[] = [];
  const addRegion = (from: number, to: number, distance: number): void => {
    const region = { from: Math.max(0, from), to: Math.min(n, to), distance };
    if (region.to - region.from >= m - maxQuoteErrors) regions.push(region);
  };
  addRegion(hint - RING_RADII[0]!, hint + RING_RADII[0]! + m + slack, 0);
  for (let r = 1; r <= RING_RADII.length; r++) {
    const inner = RING_RADII[r - 1]!;
    const outer = RING_RADII[r] ?? n;
    addRegion(hint - outer, hint - inner + m + slack, inner);
    addRegion(hint + inner, hint + outer + m + slack, inner);
  }

  const candidates: Candidate[] = [];
  let best: Candidate | null = null;
  let searches = 0;
  let scanned = 0;
  while (regions.length > 0) {
    // Nearest region first: a good candidate near the old place shrinks the budget far away.
    let next = 0;
    for (let r = 1; r < regions.length; r++) if (regions[r]!.distance < regions[next]!.distance) next = r;
    const region = regions.splice(next, 1)[0]!;
    // Edits a place in this region may need and still come within the margin of the best.
    const budget = best === null ? maxQuoteErrors : Math.floor(best.cost + AMBIGUITY_MARGIN - movePenalty(region.distance));
    if (budget < 0) continue;
    if (Date.now() > deadline) return lost("Re-anchoring ran out of time for this passage.");
    if (++searches > MAX_SEARCHES || candidates.length > MAX_CANDIDATES || scanned > MAX_SCANNED_TEXTS * n + 65536) {
      return lost("The passage's words occur in too many places to tell which one is the passage.");
    }

    // A full search costs about one pass per 32 errors of budget: long quotes search with less.
    const errors = Math.min(maxQuoteErrors, budget, MAX_SEARCH_ERRORS);
    let search = best === null ? null : findWithinBudget(text, selector, region, budget);
    if (search === null) {
      scanned += region.to - region.from;
      search = findQuote(text, exact, region, errors);
    }
    const starts: number[] = [];
    for (const place of search.places) {
      const approximateStart = Math.min(n, place.start);
      starts.push(approximateStart);
      const alignment = alignPassage(text, pattern, approximateStart, Math.min(64, place.errors + 8));
      if (alignment.quoteErrors > maxQuoteErrors || alignment.end <= alignment.start) continue;
      if (candidates.some((c) => c.start === alignment.start && c.end === alignment.end)) continue;
      const candidate: Candidate = {
        ...alignment,
        cost:
          alignment.quoteErrors +
          Math.min(alignment.prefixErrors, CONTEXT_SIDE_CAP) +
          Math.min(alignment.suffixErrors, CONTEXT_SIDE_CAP) +
          movePenalty(Math.abs(alignment.start - hint)),
      };
      candidates.push(candidate);
      if (best === null || candidate.cost < best.cost) best = candidate;
    }
    if (!search.complete) {
      // Only the least-edited matches were reported: search again around them, leaving out
      // places that overlap a reported one by more than half the quote.
      const spacing = Math.max(slack, 2 * errors + 1);
      starts.sort((x, y) => x - y);
      let gapFrom = region.from;
      for (const start of starts) {
        if (start < gapFrom) continue;
        addGap(regions, region, gapFrom, start - spacing + m + errors, hint, m);
        gapFrom = start + spacing;
      }
      addGap(regions, region, gapFrom, region.to, hint, m);
    }
  }

  if (best === null) return lost("The passage's text is gone: no place in the new text is close enough to the quote.");
  const winner = best;
  let runnerUp: Candidate | null = null;
  for (const candidate of candidates) {
    if (isDistinct(candidate, winner, m) && (runnerUp === null || candidate.cost < runnerUp.cost)) runnerUp = candidate;
  }
  if (runnerUp !== null && runnerUp.cost - winner.cost < AMBIGUITY_MARGIN) {
    return lost(`Two places match equally well (around characters ${winner.start} and ${runnerUp.start}); choose one.`);
  }

  const contextLength = prefix.length + suffix.length;
  const contextSimilarity = contextLength === 0 ? 1 : 1 - (winner.prefixErrors + winner.suffixErrors) / contextLength;
  if (contextSimilarity < 0.5 && m - winner.quoteErrors < MIN_EVIDENCE_WITHOUT_CONTEXT) {
    return lost("Only a few words of the passage remain, in different surroundings.");
  }
  // Nearness must not overrule context: the same words near the old place amid new surroundings,
  // and elsewhere amid the old ones, is a question for the editor.
  if (agreeingSides(winner, selector) === 0) {
    const elsewhere = candidates.find((c) => c !== winner && isDistinct(c, winner, m) && agreeingSides(c, selector) > 0);
    if (elsewhere !== undefined) {
      return lost(`The passage's words are near their old place in new surroundings and, around character ${elsewhere.start}, in their old ones; choose one.`);
    }
  }

  const start = snapToCharacter(text, winner.start, -1);
  const end = snapToCharacter(text, winner.end, 1);
  // Surroundings that all read otherwise: a lookalike (the old words quoted elsewhere), not the passage.
  if (checkContext(text, selector, start, end) === "contradicts") return lost("The passage's words are found only amid other words: it was probably rewritten or deleted.");
  const quoteSimilarity = 1 - winner.quoteErrors / m;
  const separation = runnerUp === null ? 1 : Math.min(1, (runnerUp.cost - winner.cost) / (4 * AMBIGUITY_MARGIN));
  const confidence = round(quoteSimilarity * (0.8 + 0.2 * Math.max(0, contextSimilarity)) * (0.8 + 0.2 * separation));
  const exactText = winner.quoteErrors === 0 && start === winner.start && end === winner.end;
  if (exactText && start === old && end === selector.end) return { status: "kept", start, end, confidence: 1 };
  // Exact text would have been found by findExactly: this place reads otherwise.
  return { status: "changed", start, end, confidence };
}

/**
 * The quote's exact text: with its whole context at one place, or alone at one place whose context
 * does not contradict the stored one, or at several where one reads most like the stored context.
 * Null when the text has no exact copy (or the copies are left to the approximate search's scoring).
 */
function findExactly(text: string, selector: AnchorSelector, deadline: number): AnchorResult | null {
  const { exact, prefix, suffix } = selector;
  const m = exact.length;
  const placed = (start: number): AnchorResult | null => {
    // A copy away from the old place, while the old place still reads nearly as the passage (a
    // repeated paragraph whose selected copy was edited): distance must weigh, so the full search decides.
    if (selector.start !== undefined && Math.abs(start - selector.start) > DRIFT && stillNearOldPlace(text, selector)) return null;
    return { status: start === selector.start ? "kept" : "moved", start, end: start + m, confidence: 1 };
  };
  const tooSlow = (count: number): boolean => count % CLOCK_EVERY === 0 && Date.now() > deadline;

  if (prefix.length + suffix.length > 0) {
    const window = prefix + exact + suffix;
    const places: number[] = [];
    for (let at = text.indexOf(window); at !== -1; at = text.indexOf(window, at + 1)) {
      places.push(at + prefix.length);
      if (tooSlow(places.length)) return lost("Re-anchoring ran out of time for this passage.");
    }
    if (places.length === 1) return placed(places[0]!);
    if (places.length > 1) {
      if (places.includes(selector.start ?? -1)) return placed(selector.start!);
      return stillNearOldPlace(text, selector)
        ? null
        : lost(`The passage and its context occur at ${places.length} places (around characters ${places[0]} and ${places[1]}); choose one.`);
    }
  }

  // Score each copy by how many characters of each context side still adjoin it.
  let best = -1;
  let bestScore = -1;
  let tied = false;
  let copies = 0;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    copies++;
    if (tooSlow(copies)) return lost("Re-anchoring ran out of time for this passage.");
    const score = commonSuffix(prefix, text, at) + commonPrefix(suffix, text, at + m);
    if (score > bestScore) {
      best = at;
      bestScore = score;
      tied = false;
    } else if (score === bestScore) tied = true;
  }
  if (copies === 0) return null;
  // Several copies that the context does not tell apart: the full search weighs distance and edits.
  if (tied) return copies > MAX_CANDIDATES ? lost(`The passage's words occur at ${copies} places that its context does not tell apart; choose one.`) : null;
  if (checkContext(text, selector, best, best + m) === "contradicts") {
    // The words survive only amid other words: a lookalike, unless an edited copy is the passage.
    return null;
  }
  return placed(best);
}

/** The old place still holds the quote with few edits, amid its old context. */
function stillNearOldPlace(text: string, selector: AnchorSelector): boolean {
  if (selector.start === undefined || selector.start > text.length) return false;
  const { exact, prefix, suffix } = selector;
  const aligned = alignPassage(text, { window: prefix + exact + suffix, prefixLength: prefix.length, quoteLength: exact.length }, selector.start, DRIFT);
  return aligned.quoteErrors <= (1 - MIN_QUOTE_SIMILARITY) * exact.length && checkContext(text, selector, aligned.start, aligned.end) !== "contradicts";
}

/** Length of the longest end of `side` that text has just before `at`. */
function commonSuffix(side: string, text: string, at: number): number {
  let length = 0;
  while (length < side.length && length < at && side.charCodeAt(side.length - 1 - length) === text.charCodeAt(at - 1 - length)) length++;
  return length;
}

/** Length of the longest beginning of `side` that text has from `at` on. */
function commonPrefix(side: string, text: string, at: number): number {
  let length = 0;
  while (length < side.length && at + length < text.length && side.charCodeAt(length) === text.charCodeAt(at + length)) length++;
  return length;
}

type Places = { places: { start: number; errors: number }[]; complete: boolean };

/** Places where the quote may start in the region, with at most `errors` edits in the quote. */
function findQuote(text: string, exact: string, region: Region, errors: number): Places {
  const found = findApproximateMatches(text, exact, region.from, region.to, errors)!;
  return { places: found.matches, complete: found.complete };
}

/**
 * Every place in the region whose quote and (capped) context edits may add up to `budget`, found
 * with the piece filter only; null when the filter does not apply. Either both context sides are
 * within the cap, and the whole window matches within the budget, or a side is beyond it and the
 * rest of the window matches within the budget less the cap.
 */
function findWithinBudget(text: string, selector: AnchorSelector, region: Region, budget: number): Places | null {
  const { prefix, exact, suffix } = selector;
  const before = prefix.length;
  const after = suffix.length;
  const parts = [{ pattern: prefix + exact + suffix, offset: before, from: region.from - before, to: region.to + after, errors: budget }];
  // A side can only exceed the cap if it is longer than the cap.
  if (before > CONTEXT_SIDE_CAP) parts.push({ pattern: exact + suffix, offset: 0, from: region.from, to: region.to + after, errors: budget - CONTEXT_SIDE_CAP });
  if (after > CONTEXT_SIDE_CAP) parts.push({ pattern: prefix + exact, offset: before, from: region.from - before, to: region.to, errors: budget - CONTEXT_SIDE_CAP });
  if (before > CONTEXT_SIDE_CAP && after > CONTEXT_SIDE_CAP) {
    parts.push({ pattern: exact, offset: 0, from: region.from, to: region.to, errors: budget - 2 * CONTEXT_SIDE_CAP });
  }
  // indexOf scans a character in about 1/25 of the time the bit-parallel search takes: with more
  // pieces than that in all, one pass of the latter is cheaper.
  let pieces = 0;
  for (const part of parts) if (part.errors >= 0) pieces += part.errors + 1;
  if (pieces > MAX_FILTER_PIECES) return null;
  const places: Places["places"] = [];
  for (const part of parts) {
    if (part.errors < 0) continue;
    const found = findApproximateMatches(text, part.pattern, Math.max(0, part.from), Math.min(text.length, part.to), part.errors, true);
    if (found === null) return null;
    for (const match of found.matches) places.push({ start: match.start + part.offset, errors: match.errors });
  }
  return { places, complete: true };
}

/** Another place, not the same one found with slightly different boundaries. */
function isDistinct(candidate: Candidate, other: Candidate, quoteLength: number): boolean {
  return candidate.end <= other.start || candidate.start >= other.end || Math.abs(candidate.start - other.start) >= quoteLength / 2;
}

/** How many of the context sides (of those stored) still read mostly as they did. */
function agreeingSides(candidate: Candidate, selector: AnchorSelector): number {
  const agrees = (errors: number, length: number): boolean => length > 0 && errors <= length / 3;
  return (agrees(candidate.prefixErrors, selector.prefix.length) ? 1 : 0) + (agrees(candidate.suffixErrors, selector.suffix.length) ? 1 : 0);
}

/** Edits' worth of being found `distance` characters from the old place. */
function movePenalty(distance: number): number {
  if (distance <= DRIFT) return 0;
  if (distance <= 2 * DRIFT) return MOVE_COST * Math.log2(distance / DRIFT);
  return MOVE_COST + Math.min(MAX_DISTANCE_COST, Math.log2(distance / (2 * DRIFT)));
}

/** Queues the part [from, to) of a searched region, if it is a smaller region that can hold a quote. */
function addGap(regions: Region[], searched: Region, from: number, to: number, hint: number, quoteLength: number): void {
  const gap = { from: Math.max(searched.from, from), to: Math.min(searched.to, to) };
  if (gap.to - gap.from < quoteLength / 2 || (gap.from === searched.from && gap.to === searched.to)) return;
  // Quotes in the gap start in [from, to - quoteLength / 2]: at least this far from the old place.
  const lastStart = Math.max(gap.from, gap.to - Math.ceil(quoteLength / 2));
  const distance = hint < gap.from ? gap.from - hint : hint > lastStart ? hint - lastStart : 0;
  regions.push({ ...gap, distance });
}

/** Moves an offset that falls inside a surrogate pair (an emoji) out of it, in `direction`. */
function snapToCharacter(text: string, offset: number, direction: -1 | 1): number {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const inside = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return inside ? offset + direction : offset;
}

export function lost(reason: string): AnchorResult {
  return { status: "lost", confidence: 0, reason };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
