import { diffArrays } from "diff";

/** Text a revision left as it was: old[oldStart, oldStart + length) is new[newStart, newStart + length). */
export type EqualRun = { oldStart: number; newStart: number; length: number };

/** A stretch where the diff gave up (out of time): old[oldFrom, oldTo) became new[newFrom, newTo), no more known. */
export type UndecidedRegion = { oldFrom: number; oldTo: number; newFrom: number; newTo: number };

/**
 * The edit script from one revision's text to the next, as the runs of text it kept (in order in
 * both texts: a moved block is a deletion and an insertion here). Between two runs lies a changed
 * region: old[run.oldStart + run.length, next.oldStart) became new[run.newStart + run.length, next.newStart).
 */
export type RevisionDiff = {
  oldText: string;
  newText: string;
  runs: EqualRun[];
  undecided: UndecidedRegion[];
  /**
   * Stretches the line level paired (an edited paragraph, or paragraphs replaced by others), in
   * order, not yet diffed word by word: `refineDiff` does that for the passages that need it.
   */
  pending: UndecidedRegion[];
  /** The diff's own time limit (Date.now() ms), which its refinements may use too. */
  deadline: number;
};

// See diffStretch: stretches whose edits exceed this share of their tokens share nothing.
const MAX_EDIT_SHARE = 0.6;

// Long lines that share their beginning or their end (this many characters) are one line, edited.
const LINE_ENDS = 24;
const MIN_NEARLY_EQUAL_LINE = 32;

function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < MIN_NEARLY_EQUAL_LINE || b.length < MIN_NEARLY_EQUAL_LINE || Math.abs(a.length - b.length) > 0.2 * a.length) return false;
  // Compared in place: called for many pairs of long lines, it must not copy them.
  let head = 0;
  while (head < LINE_ENDS && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  if (head === LINE_ENDS) return true;
  let tail = 1;
  while (tail <= LINE_ENDS && a.charCodeAt(a.length - tail) === b.charCodeAt(b.length - tail)) tail++;
  return tail > LINE_ENDS;
}

type Level = { tokens: (text: string) => string[]; maxUnits: number; comparator?: (a: string, b: string) => boolean };

const lines = (text: string): string[] => text.match(/[^\n]+\n*|\n+/g) ?? [];
const LINES = 0;
const NEARLY_EQUAL_LINES = 1;
const WORDS = 2;

// Coarse to fine: lines find moved and inserted paragraphs in few steps (diffLines); among the
// lines that changed, nearly equal ones pair (an edited paragraph is still that paragraph;
// otherwise the separators between paragraphs would be all that matches, pairing each paragraph
// after a moved one with its neighbour), but only between the lines kept, so that a paragraph that
// lost a sentence does not take the place of the next one, kept, which begins alike; words inside
// the lines that changed (a coincidental common letter between two different words is no kept
// text); characters inside a short changed stretch of words, so that an edited word's boundary
// stays exact. The line levels' tokens and comparator are for Myers' diff where it is used.
const LEVELS: Level[] = [
  { tokens: lines, maxUnits: Number.POSITIVE_INFINITY },
  { tokens: lines, maxUnits: Number.POSITIVE_INFINITY, comparator: nearlyEqual },
  { tokens: (text) => text.match(/[\p{L}\p{M}]+|\p{N}+|\s+|[^]/gu) ?? [], maxUnits: Number.POSITIVE_INFINITY },
  { tokens: (text) => Array.from(text), maxUnits: 64 },
];

/**
 * Diffs two revisions' texts after cutting their common beginning and end, line by line (patience
 * anchors, then jsdiff's Myers diff of the nearly equal lines between them): lines kept as they
 * were become runs, and the stretches that
 * changed wait in `pending` until `refineDiff` diffs them word by word, then character by character.
 * Most passages of a revision lie in kept lines or keep their words: those never pay for the
 * finer levels. The line diff gets the time left until `deadline` (ms since the epoch, as
 * Date.now()); if it runs out, its stretch is undecided.
 */
export function diffRevision(oldText: string, newText: string, deadline: number): RevisionDiff {
  const diff: RevisionDiff = { oldText, newText, runs: [], undecided: [], pending: [], deadline };
  let [head, tail] = commonEnds(oldText, 0, oldText.length, newText, 0, newText.length);
  // The lines between stay whole, so that the line level sees a line it kept as equal.
  head = oldText.lastIndexOf("\n", head - 1) + 1;
  const lineEnd = oldText.indexOf("\n", oldText.length - tail);
  tail = lineEnd === -1 ? 0 : oldText.length - lineEnd - 1;
  const differ = createDiffer(diff, diff.runs, deadline, diff.pending);
  differ.addRun(0, 0, head);
  differ.diffStretch(head, oldText.length - tail, head, newText.length - tail, LINES);
  differ.addRun(oldText.length - tail, newText.length - tail, tail);
  return diff;
}

/**
 * Diffs word by word (then character by character) the pending stretches that overlap
 * old[oldFrom, oldTo), and adds what they kept to the diff's runs. Each diff gets the time left
 * until `deadline`, or the diff's own if later; one that runs out leaves its stretch undecided.
 */
export function refineDiff(diff: RevisionDiff, oldFrom: number, oldTo: number, deadline: number): void {
  deadline = Math.max(deadline, diff.deadline);
  const { pending, runs } = diff;
  const first = firstPendingEndingAfter(pending, oldFrom);
  let last = first;
  while (last < pending.length && pending[last]!.oldFrom < oldTo) last++;
  for (const stretch of pending.splice(first, last - first)) {
    const found: EqualRun[] = [];
    createDiffer(diff, found, deadline).diffStretch(stretch.oldFrom, stretch.oldTo, stretch.newFrom, stretch.newTo, WORDS);
    if (found.length === 0) continue;
    // Runs lie in order: the stretch's go between the runs before and after it, joined to a
    // neighbour they continue.
    let at = 0;
    for (let high = runs.length; at < high; ) {
      const middle = (at + high) >> 1;
      if (runs[middle]!.oldStart < stretch.oldFrom) at = middle + 1;
      else high = middle;
    }
    const before = runs[at - 1];
    const after = runs[at];
    const firstFound = found[0]!;
    const lastFound = found[found.length - 1]!;
    if (after && lastFound.oldStart + lastFound.length === after.oldStart && lastFound.newStart + lastFound.length === after.newStart) {
      lastFound.length += after.length;
      runs.splice(at, 1);
    }
    if (before && before.oldStart + before.length === firstFound.oldStart && before.newStart + before.length === firstFound.newStart) {
      before.length += firstFound.length;
      found.shift();
    }
    runs.splice(at, 0, ...found);
  }
}

/** Index of the first pending stretch that ends after old offset `offset` (they lie in order). */
export function firstPendingEndingAfter(pending: UndecidedRegion[], offset: number): number {
  let low = 0;
  let high = pending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (pending[middle]!.oldTo <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The diff's levels over `diff`'s texts, adding the text they keep to `runs`. With `pending`, the
 * line level leaves the stretches it paired there instead of diffing them word by word.
 */
function createDiffer(diff: RevisionDiff, runs: EqualRun[], deadline: number, pending?: UndecidedRegion[]) {
  const { oldText, newText, undecided } = diff;
  // How many times the old text has each line (see pairLines).
  const repeated = new Map<string, number>();
  const addRun = (oldStart: number, newStart: number, length: number): void => {
    if (length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) last.length += length;
    else runs.push({ oldStart, newStart, length });
  };

  const diffStretch = (oldFrom: number, oldTo: number, newFrom: number, newTo: number, level: number): void => {
    if (oldFrom === oldTo || newFrom === newTo) return;
    if (level === WORDS && pending) {
      pending.push({ oldFrom, oldTo, newFrom, newTo });
      return;
    }
    if (level >= WORDS) {
      // Inside a changed line or word, what it begins and ends with is kept as it was ("we have"
      // to "wehave"), whatever the diff of the rest.
      const [head, tail] = commonEnds(oldText, oldFrom, oldTo, newText, newFrom, newTo);
      if (head + tail > 0) {
        addRun(oldFrom, newFrom, head);
        diffMiddle(oldFrom + head, oldTo - tail, newFrom + head, newTo - tail, level);
        addRun(oldTo - tail, newTo - tail, tail);
        return;
      }
    }
    diffMiddle(oldFrom, oldTo, newFrom, newTo, level);
  };

  // Lines each text has once, in the same order in both, are kept (patience diff's anchors); the
  // stretches between them go to the nearly equal lines.
  const diffLines = (oldFrom: number, oldTo: number, newFrom: number, newTo: number): void => {
    const oldLines = lines(oldText.slice(oldFrom, oldTo));
    const newLines = lines(newText.slice(newFrom, newTo));
    for (const line of oldLines) repeated.set(line, (repeated.get(line) ?? 0) + 1);
    walkAnchors(oldFrom, newFrom, oldLines, newLines, uniqueCommonLines(oldLines, newLines, [(line) => line]), {
      pair: (oldAt, newAt, length) => addRun(oldAt, newAt, length),
      gap: (oldAt, oldEnd, newAt, newEnd) => diffNearlyEqualLines(oldAt, oldEnd, newAt, newEnd),
    });
  };

  // Nearly equal lines whose first or last characters each text has once, in the same order in
  // both, are paired at once (an edited paragraph); Myers' diff pairs those between, which costs
  // in proportion to the lines it does not pair.
  const diffNearlyEqualLines = (oldFrom: number, oldTo: number, newFrom: number, newTo: number): void => {
    if (oldFrom === oldTo || newFrom === newTo) return;
    const oldLines = lines(oldText.slice(oldFrom, oldTo));
    const newLines = lines(newText.slice(newFrom, newTo));
    const ends = [(line: string) => (line.length < MIN_NEARLY_EQUAL_LINE ? undefined : line.slice(0, LINE_ENDS)), (line: string) => (line.length < MIN_NEARLY_EQUAL_LINE ? undefined : line.slice(-LINE_ENDS))];
    walkAnchors(oldFrom, newFrom, oldLines, newLines, uniqueCommonLines(oldLines, newLines, ends, nearlyEqual), {
      pair: (oldAt, newAt, oldLength, newLength) => pairLines(oldAt, oldLength, newAt, newLength),
      gap: (oldAt, oldEnd, newAt, newEnd) => diffMiddle(oldAt, oldEnd, newAt, newEnd, NEARLY_EQUAL_LINES),
    });
  };

  // Two lines the diff paired: kept, or edited (diffed word by word).
  const pairLines = (oldAt: number, oldLength: number, newAt: number, newLength: number): void => {
    const line = oldText.slice(oldAt, oldAt + oldLength);
    if (line === newText.slice(newAt, newAt + newLength)) addRun(oldAt, newAt, oldLength);
    // An edited copy of a line the old text has several times may have been paired with the
    // wrong copy: left to the search, which weighs the distance from the old place.
    else if ((repeated.get(line) ?? 0) > 1) undecided.push({ oldFrom: oldAt, oldTo: oldAt + oldLength, newFrom: newAt, newTo: newAt + newLength });
    else diffStretch(oldAt, oldAt + oldLength, newAt, newAt + newLength, WORDS);
  };

  const diffMiddle = (oldFrom: number, oldTo: number, newFrom: number, newTo: number, level: number): void => {
    if (oldFrom === oldTo || newFrom === newTo) return;
    if (level === LINES) return diffLines(oldFrom, oldTo, newFrom, newTo);
    const { tokens, maxUnits } = LEVELS[level]!;
    if (oldTo - oldFrom > maxUnits || newTo - newFrom > maxUnits) return;
    const timeout = deadline - Date.now();
    const oldTokens = tokens(oldText.slice(oldFrom, oldTo));
    const newTokens = tokens(newText.slice(newFrom, newTo));
    // Stretches with less than this much in common are a replacement, not an edit: what they share
    // is coincidence (common words of two different paragraphs), and a moved block is looked for
    // in the whole inserted stretch.
    // (Lines are either equal or not: the line levels have no such limit.)
    const maxEditLength = level < WORDS ? Number.POSITIVE_INFINITY : Math.floor(MAX_EDIT_SHARE * (oldTokens.length + newTokens.length));
    const { comparator } = LEVELS[level]!;
    const changes = timeout > 0 ? diffArrays(oldTokens, newTokens, { timeout, maxEditLength, comparator, oneChangePerToken: true }) : undefined;
    if (changes === undefined) {
      if (Date.now() >= deadline) undecided.push({ oldFrom, oldTo, newFrom, newTo });
      return;
    }
    let oldAt = oldFrom;
    let newAt = newFrom;
    let oldToken = 0;
    // A run of removed and added tokens between two kept ones: diffed again, one level finer.
    let removedFrom = oldAt;
    let addedFrom = newAt;
    // Copies of a line the old text has several times, removed from a stretch where lines were
    // added: one of those may be that copy edited (at both ends, so paired with no copy or with
    // another), so they are left to the search, which weighs the distance from the old place.
    const removedCopies: [number, number][] = [];
    let linesAdded = false;
    const closeChange = (): void => {
      if (level + 1 < LEVELS.length) diffStretch(removedFrom, oldAt, addedFrom, newAt, level + 1);
    };
    for (const change of changes) {
      // One token per change; a common one holds the new text's token.
      const added = change.value[0]!.length;
      if (change.added) {
        newAt += added;
        linesAdded = true;
        continue;
      }
      const removed = oldTokens[oldToken++]!.length;
      if (change.removed) {
        if (level === NEARLY_EQUAL_LINES && (repeated.get(oldTokens[oldToken - 1]!) ?? 0) > 1) removedCopies.push([oldAt, oldAt + removed]);
        oldAt += removed;
        continue;
      }
      closeChange();
      if (oldTokens[oldToken - 1] === change.value[0]) addRun(oldAt, newAt, removed);
      else if (level === NEARLY_EQUAL_LINES) pairLines(oldAt, removed, newAt, added);
      else diffStretch(oldAt, oldAt + removed, newAt, newAt + added, level + 1);
      oldAt += removed;
      newAt += added;
      removedFrom = oldAt;
      addedFrom = newAt;
    }
    closeChange();
    if (linesAdded) for (const [from, to] of removedCopies) undecided.push({ oldFrom: from, oldTo: to, newFrom, newTo });
  };

  return { addRun, diffStretch };
}

type LineKey = (line: string) => string | undefined;

/**
 * Lines paired by a key (the line itself, or its first or last characters) that each text has
 * exactly once, and `accept`ed, as many as can be in the same order in both (the longest
 * increasing subsequence, by patience sorting). Keys are tried in order for each new line.
 */
function uniqueCommonLines(oldLines: string[], newLines: string[], keys: LineKey[], accept?: (a: string, b: string) => boolean): (readonly [number, number])[] {
  const counts = keys.map((key) => {
    const byKey = new Map<string, { old: number; new: number; oldIndex: number }>();
    oldLines.forEach((line, index) => {
      const value = key(line);
      if (value === undefined) return;
      const count = byKey.get(value);
      if (count) count.old++;
      else byKey.set(value, { old: 1, new: 0, oldIndex: index });
    });
    for (const line of newLines) {
      const value = key(line);
      const count = value === undefined ? undefined : byKey.get(value);
      if (count) count.new++;
    }
    return byKey;
  });
  const pairs: [number, number][] = [];
  newLines.forEach((line, newIndex) => {
    for (const [k, key] of keys.entries()) {
      const value = key(line);
      const count = value === undefined ? undefined : counts[k]!.get(value);
      if (!count || count.old !== 1 || count.new !== 1) continue;
      if (accept && !accept(oldLines[count.oldIndex]!, line)) continue;
      pairs.push([count.oldIndex, newIndex]);
      return;
    }
  });
  // pileTops[k]: the pair ending the best increasing sequence of length k + 1 found so far.
  const pileTops: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([oldIndex], at) => {
    let low = 0;
    let high = pileTops.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[pileTops[middle]!]![0] < oldIndex) low = middle + 1;
      else high = middle;
    }
    previous[at] = low > 0 ? pileTops[low - 1]! : -1;
    pileTops[low] = at;
  });
  const anchors: [number, number][] = [];
  for (let at = pileTops[pileTops.length - 1] ?? -1; at !== -1; at = previous[at]!) anchors.push(pairs[at]!);
  return anchors.reverse();
}

/**
 * Walks two texts' lines (from old offset `oldFrom` and new offset `newFrom`) along `anchors`
 * (pairs of line indexes, in order in both): each anchor to `pair`, each stretch between to `gap`.
 */
function walkAnchors(
  oldFrom: number,
  newFrom: number,
  oldLines: string[],
  newLines: string[],
  anchors: (readonly [number, number])[],
  on: { pair: (oldAt: number, newAt: number, oldLength: number, newLength: number) => void; gap: (oldAt: number, oldEnd: number, newAt: number, newEnd: number) => void },
): void {
  let oldAt = oldFrom;
  let newAt = newFrom;
  let oldLine = 0;
  let newLine = 0;
  const skip = (from: number, to: number, list: string[]): number => {
    let length = 0;
    for (let index = from; index < to; index++) length += list[index]!.length;
    return length;
  };
  for (const [oldIndex, newIndex] of [...anchors, [oldLines.length, newLines.length] as const]) {
    const oldEnd = oldAt + skip(oldLine, oldIndex, oldLines);
    const newEnd = newAt + skip(newLine, newIndex, newLines);
    on.gap(oldAt, oldEnd, newAt, newEnd);
    const oldLength = oldLines[oldIndex]?.length ?? 0;
    const newLength = newLines[newIndex]?.length ?? 0;
    if (oldIndex < oldLines.length) on.pair(oldEnd, newEnd, oldLength, newLength);
    oldAt = oldEnd + oldLength;
    newAt = newEnd + newLength;
    oldLine = oldIndex + 1;
    newLine = newIndex + 1;
  }
}

/** How many code units old[oldFrom, oldTo) and new[newFrom, newTo) share at their start and end, in whole code points. */
function commonEnds(oldText: string, oldFrom: number, oldTo: number, newText: string, newFrom: number, newTo: number): [number, number] {
  const shorter = Math.min(oldTo - oldFrom, newTo - newFrom);
  let head = 0;
  while (head < shorter && oldText.charCodeAt(oldFrom + head) === newText.charCodeAt(newFrom + head)) head++;
  if (head > 0 && head < oldTo - oldFrom && isLowSurrogate(oldText.charCodeAt(oldFrom + head))) head--;
  let tail = 0;
  while (tail < shorter - head && oldText.charCodeAt(oldTo - 1 - tail) === newText.charCodeAt(newTo - 1 - tail)) tail++;
  if (tail > 0 && tail < oldTo - oldFrom - head && isLowSurrogate(oldText.charCodeAt(oldTo - tail))) tail--;
  return [head, tail];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
