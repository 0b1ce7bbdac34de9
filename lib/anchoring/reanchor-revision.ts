import search from "approx-string-match";
import { checkContext } from "./check-context";
import { diffRevision, firstPendingEndingAfter, refineDiff, type RevisionDiff } from "./diff-revision";
import { alignPassage } from "./align-passage";
import { lost, reanchor, type AnchorResult, type AnchorSelector } from "./reanchor";

export type ReanchorBudget = {
  /** For the diff of the two texts, in ms. */
  diffMs: number;
  /** For each passage that needs a search, in ms. */
  passageMs: number;
  /** For all of it, in ms: passages still needing a search after it are lost. */
  totalMs: number;
};

// Revising runs before the write transaction, but an editor waits for it: a few seconds in all.
export const DEFAULT_BUDGET: ReanchorBudget = { diffMs: 2000, passageMs: 25, totalMs: 6000 };
// A passage whose kept characters are fewer than this share was rewritten, not edited: lost.
const MIN_KEPT_SHARE = 0.5;
// See placePassage: shorter stretches the diff kept inside a passage do not count as kept.
const MIN_KEPT_RUN = 8;
// How far from the range the diff proposes a changed passage's exact words may still be.
const NEARBY = 16;
// A block found elsewhere with this share of edits in the quote at most is the moved passage, edited.
const MAX_MOVED_QUOTE_EDITS = 0.25;
// How much text around a passage is diffed word by word when it needs it: the runs next to it
// (see vouched and mapOffset) are then known too.
const REFINE_MARGIN = 4 * NEARBY;

/**
 * Re-anchors the passages of one revision (`selectors`, offsets into `oldText`) into the next one,
 * diff first (docs/decisions/0007-reanchoring-diff-first.md). Results are in the selectors' order.
 */
export function reanchorRevision(oldText: string, newText: string, selectors: AnchorSelector[], budget: ReanchorBudget = DEFAULT_BUDGET): AnchorResult[] {
  const started = Date.now();
  const diff = diffRevision(oldText, newText, started + budget.diffMs);
  const endAll = started + budget.totalMs;
  return selectors.map((selector) => {
    const now = Date.now();
    if (now >= endAll) return placePassage(diff, selector, now);
    return placePassage(diff, selector, Math.min(endAll, now + budget.passageMs));
  });
}

/**
 * One passage through the diff. Text the edits left alone keeps its place, shifted: kept, or moved
 * when its offsets changed. Text partly edited is changed, its new range proposed for the editor's
 * confirmation; mostly deleted or rewritten, lost. Text wholly deleted is looked for only where
 * the diff inserted text (a moved block), and must come with its old surroundings. Only where the
 * diff ran out of time does the passage go to the search (`reanchor`). Searches stop at `deadline`.
 */
export function placePassage(diff: RevisionDiff, selector: AnchorSelector, deadline: number): AnchorResult {
  const { oldText, newText, runs } = diff;
  const { exact } = selector;
  const s = selector.start ?? -1;
  const e = selector.end ?? -1;
  if (exact.length === 0 || oldText.slice(s, e) !== exact || s < 0) return reanchor(newText, selector, { deadline });
  const undecided = (): boolean => diff.undecided.some((region) => region.oldFrom < e && s < region.oldTo);
  if (undecided()) return reanchor(newText, selector, { deadline });
  const placed = placeByLines(diff, selector, s, e);
  if (placed !== undefined) return placed;
  refineDiff(diff, s - REFINE_MARGIN, e + REFINE_MARGIN, deadline);
  if (undecided()) return reanchor(newText, selector, { deadline });

  let kept = 0;
  let within: number | null = null;
  for (let r = lastRunStartingAtOrBefore(runs, e - 1); r >= 0; r--) {
    const run = runs[r]!;
    const overlap = Math.min(e, run.oldStart + run.length) - Math.max(s, run.oldStart);
    if (run.oldStart + run.length <= s) break;
    // A few characters in common (a short word, a space) are coincidence, not kept text.
    if (overlap >= Math.min(MIN_KEPT_RUN, exact.length)) kept += overlap;
    if (overlap === exact.length) within = r;
  }

  if (within !== null) {
    const run = runs[within]!;
    const start = run.newStart + (s - run.oldStart);
    const end = start + exact.length;
    // Coincidental common text (the old words quoted in a correction note) comes without the
    // surroundings the diff kept: then the stored context must not say otherwise.
    if (!vouched(runs, within, s, e) && checkContext(newText, selector, start, end) === "contradicts") {
      return lost("The passage's words are still in the text, but only amid other words: it was probably rewritten or deleted, and quoted elsewhere.");
    }
    return { status: start === s ? "kept" : "moved", start, end, confidence: 1 };
  }
  if (kept === 0) return findMovedBlock(diff, selector, deadline);
  const share = kept / exact.length;
  if (share < MIN_KEPT_SHARE) return lost("Most of the passage's words were deleted or rewritten.");
  const start = mapOffset(diff, s, "start");
  const end = mapOffset(diff, e, "end");
  if (end <= start || newText.slice(start, end).trim().length === 0) return lost("The passage's words were deleted.");
  // The edits touched only the passage's edge, and left its words as they were within the range
  // proposed (an edit inside its first or last word, outside the passage's part of it).
  const intact = newText.indexOf(exact, Math.max(0, start - NEARBY));
  if (intact !== -1 && intact + exact.length <= end + NEARBY) {
    return { status: intact === s ? "kept" : "moved", start: intact, end: intact + exact.length, confidence: 1 };
  }
  const context = checkContext(newText, selector, start, end);
  if (context === "contradicts") return lost("The passage was rewritten amid new surroundings.");
  const similarity = Math.min(share, Math.min(exact.length, end - start) / Math.max(exact.length, end - start));
  return { status: "changed", start, end, confidence: round(similarity * (context === "agrees" ? 0.95 : 0.85)) };
}

/**
 * What the line diff alone can tell, before any word diff: a passage inside a kept line (as the full
 * diff would place it: its run only grows with the finer levels), or a passage whose exact words
 * are once in the text its lines were paired with, their stored context agreeing (a sentence of an
 * edited paragraph that was not itself edited). Undefined when the words must be diffed.
 */
function placeByLines(diff: RevisionDiff, selector: AnchorSelector, s: number, e: number): AnchorResult | undefined {
  const { runs, pending, newText } = diff;
  const { exact } = selector;
  const r = lastRunStartingAtOrBefore(runs, s);
  const run = runs[r];
  if (run !== undefined && e <= run.oldStart + run.length) {
    const start = run.newStart + (s - run.oldStart);
    const end = start + exact.length;
    if (!vouched(runs, r, s, e) && checkContext(newText, selector, start, end) === "contradicts") return undefined;
    return { status: start === s ? "kept" : "moved", start, end, confidence: 1 };
  }
  if (exact.length < MIN_KEPT_RUN) return undefined;
  // The new text the passage's old range became, line by line: kept lines and paired stretches that
  // follow each other without a gap (deleted text) between them.
  let from = -1;
  let to = -1;
  let p = firstPendingEndingAfter(pending, s);
  for (let at = s; at < e; ) {
    const stretch = pending[p];
    const kept = runs[lastRunStartingAtOrBefore(runs, at)];
    if (stretch !== undefined && stretch.oldFrom <= at) {
      if (from === -1) from = stretch.newFrom;
      to = stretch.newTo;
      at = stretch.oldTo;
      p++;
    } else if (kept !== undefined && at < kept.oldStart + kept.length) {
      if (from === -1) from = kept.newStart + (at - kept.oldStart);
      at = kept.oldStart + kept.length;
      to = kept.newStart + Math.min(kept.length, e - kept.oldStart);
    } else return undefined;
  }
  const within = newText.slice(from, to);
  const found = within.indexOf(exact);
  if (found === -1 || within.indexOf(exact, found + 1) !== -1) return undefined;
  const start = from + found;
  if (checkContext(newText, selector, start, start + exact.length) !== "agrees") return undefined;
  return { status: start === s ? "kept" : "moved", start, end: start + exact.length, confidence: 1 };
}

/**
 * A passage whose every character the diff deleted: moved only if its text (or nearly) is in text
 * the diff inserted, with its old surroundings, at one place.
 */
function findMovedBlock(diff: RevisionDiff, selector: AnchorSelector, deadline: number): AnchorResult {
  const { newText, runs } = diff;
  const { exact, prefix, suffix } = selector;
  const m = exact.length;
  const inserted: { from: number; to: number }[] = [];
  for (let r = 0; r <= runs.length; r++) {
    const from = r === 0 ? 0 : runs[r - 1]!.newStart + runs[r - 1]!.length;
    const to = r === runs.length ? newText.length : runs[r]!.newStart;
    if (to - from >= Math.ceil(m * (1 - MAX_MOVED_QUOTE_EDITS))) inserted.push({ from, to });
  }
  if (inserted.length === 0) return lost("The passage's words were deleted.");

  const exactPlaces: number[] = [];
  let lookalikes = 0;
  for (const { from, to } of inserted) {
    // Searched in the gap alone: indexOf in the whole text would scan on to its end from every gap.
    const gap = newText.slice(from, to);
    for (let found = gap.indexOf(exact); found !== -1; found = gap.indexOf(exact, found + 1)) {
      const at = from + found;
      if (checkContext(newText, selector, at, at + m) === "agrees") exactPlaces.push(at);
      else lookalikes++;
      if (Date.now() > deadline) return lost("Re-anchoring ran out of time for this passage.");
    }
  }
  if (exactPlaces.length === 1) return { status: "moved", start: exactPlaces[0]!, end: exactPlaces[0]! + m, confidence: 1 };
  if (exactPlaces.length > 1) return lost(`The passage's words moved, to ${exactPlaces.length} places with the same surroundings; choose one.`);
  // Its exact words are there, amid other words: an approximate match would be that lookalike again.
  if (lookalikes > 0) return lost("The passage's words were deleted; they are quoted elsewhere, amid other words.");

  // The block moved and was edited too: approximate matches in the inserted text, both sides
  // agreeing. Not in stretches still waiting for their word diff: most of their text is the old
  // text edited, and searching all of them would cost each lost passage the whole revision.
  const maxErrors = Math.floor(MAX_MOVED_QUOTE_EDITS * m);
  const pattern = { window: prefix + exact + suffix, prefixLength: prefix.length, quoteLength: m };
  const places: { start: number; end: number; errors: number }[] = [];
  for (const { from, to } of inserted.flatMap((gap) => outsidePending(diff, gap))) {
    if (Date.now() > deadline) return lost("Re-anchoring ran out of time for this passage.");
    for (const match of search(newText.slice(from, to), exact, maxErrors)) {
      const aligned = alignPassage(newText, pattern, from + match.start, Math.min(64, match.errors + 8));
      const bothAgree = aligned.prefixErrors <= prefix.length / 3 && aligned.suffixErrors <= suffix.length / 3;
      if (!bothAgree || aligned.quoteErrors > maxErrors || aligned.end <= aligned.start) continue;
      if (!places.some((place) => place.start < aligned.end && aligned.start < place.end)) places.push({ start: aligned.start, end: aligned.end, errors: aligned.quoteErrors });
    }
  }
  if (places.length > 1) return lost("The passage's words moved and were edited, and two places read alike; choose one.");
  const place = places[0];
  if (place === undefined || prefix.length + suffix.length < 16) return lost("The passage's words were deleted or rewritten.");
  return { status: "changed", start: place.start, end: place.end, confidence: round(0.9 * (1 - place.errors / m)) };
}

/** The parts of new[from, to) outside the new text of pending stretches (which lie in order). */
function outsidePending(diff: RevisionDiff, gap: { from: number; to: number }): { from: number; to: number }[] {
  const { pending } = diff;
  const parts: { from: number; to: number }[] = [];
  let at = gap.from;
  let low = 0;
  for (let high = pending.length; low < high; ) {
    const middle = (low + high) >> 1;
    if (pending[middle]!.newTo <= at) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < pending.length; index++) {
    const stretch = pending[index]!;
    if (stretch.newFrom >= gap.to) break;
    if (stretch.newFrom > at) parts.push({ from: at, to: stretch.newFrom });
    at = stretch.newTo;
  }
  if (at < gap.to) parts.push({ from: at, to: gap.to });
  return parts;
}

/**
 * The diff kept the passage's surroundings too: its run goes on past the passage on a side, or
 * another run lies close by on a side in both texts (text edited next to the passage, in place).
 */
function vouched(runs: RevisionDiff["runs"], index: number, s: number, e: number): boolean {
  const run = runs[index]!;
  const delta = run.newStart - run.oldStart;
  if (s - run.oldStart >= NEARBY || run.oldStart + run.length - e >= NEARBY) return true;
  const before = runs[index - 1];
  const after = runs[index + 1];
  const close = (oldGap: number, newGap: number): boolean => oldGap <= 2 * NEARBY && newGap <= 2 * NEARBY;
  return (
    (before !== undefined && close(run.oldStart - (before.oldStart + before.length), run.oldStart + delta - (before.newStart + before.length))) ||
    (after !== undefined && close(after.oldStart - (run.oldStart + run.length), after.newStart - (run.newStart + run.length)))
  );
}

/** Where an offset of the old text lands in the new one; inside a changed region, at its edge. */
function mapOffset(diff: RevisionDiff, offset: number, side: "start" | "end"): number {
  const { runs, newText } = diff;
  const r = lastRunStartingAtOrBefore(runs, offset);
  const run = runs[r];
  if (run !== undefined && offset < run.oldStart + run.length) {
    // At a run's start, after text inserted there: a start goes after it, an end before it.
    const previous = runs[r - 1];
    if (side === "end" && offset === run.oldStart && previous !== undefined && previous.oldStart + previous.length === offset) {
      return previous.newStart + previous.length;
    }
    return run.newStart + (offset - run.oldStart);
  }
  // In the changed region after `run` (or before the first run). The passage's part of it, as
  // long as it was, at the matching end of the region's new text, widened to whole words: it takes
  // in the new words ("March" to "September"), not the rest of a long rewritten stretch.
  const regionStart = run === undefined ? 0 : run.newStart + run.length;
  const oldRegionStart = run === undefined ? 0 : run.oldStart + run.length;
  const next = runs[r + 1];
  const regionEnd = next === undefined ? newText.length : next.newStart;
  const oldRegionEnd = next === undefined ? diff.oldText.length : next.oldStart;
  if (run !== undefined && offset === oldRegionStart && side === "end") return regionStart;
  if (side === "start") {
    let start = Math.max(regionStart, regionEnd - (oldRegionEnd - offset));
    while (start > regionStart && WORD_CHARACTER.test(newText[start - 1]!)) start--;
    return start;
  }
  let end = Math.min(regionEnd, regionStart + (offset - oldRegionStart));
  while (end < regionEnd && WORD_CHARACTER.test(newText[end]!)) end++;
  return end;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/** Index of the last run whose old start is at or before `offset`, or -1. */
function lastRunStartingAtOrBefore(runs: RevisionDiff["runs"], offset: number): number {
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (runs[middle]!.oldStart <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
