import { createSelectors, type TextQuoteSelector } from "@/lib/anchoring/create-selectors";
import { createPrng } from "./create-prng";

export type BenchQuote = {
  selector: TextQuoteSelector & { start: number; end: number };
  /** Where the passage is in the revised text, tracked through the moves and edits; null when it is gone. */
  truth: { start: number; end: number } | null;
};

export type BenchCase = { name: string; original: string; revised: string; quotes: BenchQuote[] };

export type CaseOptions = {
  name: string;
  /** The paragraphs of the original text, in order. */
  paragraphs: string[];
  seed: number;
  quoteCount: number;
  /** One-character edits, as a share of the text's length. */
  editRate: number;
  paragraphMoves: number;
  /** New paragraphs put at random places after the moves. */
  insertedParagraphs?: string[];
  /** Share of paragraphs whose quotation marks, apostrophes and no-break spaces swap style. */
  typographyShare?: number;
};

// Typographic swaps of one UTF-16 unit for one: offsets stay, the words read the same.
const TYPOGRAPHY: Record<string, string> = { "’": "'", "'": "’", "“": '"', "”": '"', '"': "”", "\u00a0": " ", "«": '"', "»": '"' };

type Edit = { at: number; kind: "insert" | "delete" | "substitute"; char: string };

/**
 * A benchmark case: an original text (paragraphs joined by blank lines), quotes of 30 to 200
 * characters selected in it with createSelectors, then a revision made of paragraph moves, new
 * paragraphs, typographic swaps in some paragraphs, and random one-character edits (insertions, deletions, substitutions in equal shares). Each
 * quote's true place is tracked through both; characters inserted exactly at a quote's boundary
 * count as outside it.
 */
export function buildCase(options: CaseOptions): BenchCase {
  const random = createPrng(options.seed);
  const pick = (below: number): number => Math.floor(random() * below);
  const units = options.paragraphs.map((paragraph) => `${paragraph}\n\n`);
  const unitStart: number[] = [];
  let length = 0;
  for (const unit of units) {
    unitStart.push(length);
    length += unit.length;
  }
  const original = units.join("");

  // Paragraph moves: take one paragraph out and put it back elsewhere.
  const order = units.map((_, index) => index);
  for (let move = 0; move < options.paragraphMoves; move++) {
    const [id] = order.splice(pick(order.length), 1);
    order.splice(pick(order.length + 1), 0, id!);
  }
  const inserted = (options.insertedParagraphs ?? []).map((paragraph) => `${paragraph}\n\n`);
  for (let id = 0; id < inserted.length; id++) order.splice(pick(order.length + 1), 0, units.length + id);
  const unitText = (id: number): string => {
    const text = units[id] ?? inserted[id - units.length]!;
    const share = options.typographyShare ?? 0;
    return id < units.length && share > 0 && random() < share ? text.replace(/[’'“”"\u00a0«»]/g, (char) => TYPOGRAPHY[char]!) : text;
  };
  const newStart = new Array<number>(units.length + inserted.length);
  let offset = 0;
  for (const id of order) {
    newStart[id] = offset;
    offset += (units[id] ?? inserted[id - units.length]!).length;
  }
  const moved = order.map(unitText).join("");
  // Offsets where the original text is no longer contiguous: no quote may straddle one.
  const cuts = new Set<number>();
  for (let id = 0; id + 1 < units.length; id++) {
    if (newStart[id + 1] !== newStart[id]! + units[id]!.length) cuts.add(unitStart[id + 1]!);
  }
  const unitOf = (at: number): number => {
    let low = 0;
    let high = unitStart.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (unitStart[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const afterMoves = (at: number): number => {
    const id = unitOf(at);
    return newStart[id]! + (at - unitStart[id]!);
  };

  // One-character edits at distinct places of the moved text.
  const editCount = Math.round(options.editRate * moved.length);
  const places = new Set<number>();
  while (places.size < editCount) places.add(pick(moved.length));
  const edits: Edit[] = [...places]
    .sort((a, b) => a - b)
    .map((at) => {
      const roll = random();
      let char = moved[pick(moved.length)]!;
      if (roll >= 2 / 3) while (char === moved[at]) char = moved[pick(moved.length)]!;
      return { at, kind: roll < 1 / 3 ? "insert" : roll < 2 / 3 ? "delete" : "substitute", char };
    });
  let revised = "";
  let copied = 0;
  for (const edit of edits) {
    revised += moved.slice(copied, edit.at);
    if (edit.kind === "insert") {
      revised += edit.char;
      copied = edit.at;
    } else {
      if (edit.kind === "substitute") revised += edit.char;
      copied = edit.at + 1;
    }
  }
  revised += moved.slice(copied);
  // Shift of a boundary: insertions before it (at it, too, for a start), minus deletions before it.
  const shift = (boundary: number, side: "start" | "end"): number => {
    let delta = 0;
    for (const edit of edits) {
      if (edit.at > boundary) break;
      if (edit.kind === "insert" && (edit.at < boundary || side === "start")) delta++;
      if (edit.kind === "delete" && edit.at < boundary) delta--;
    }
    return delta;
  };

  const quotes: BenchQuote[] = [];
  while (quotes.length < options.quoteCount) {
    const quoteLength = 30 + pick(171);
    const start = pick(original.length - quoteLength);
    const end = start + quoteLength;
    let straddles = false;
    for (const cut of cuts) if (cut > start && cut < end) straddles = true;
    if (straddles) continue;
    const made = createSelectors(original, start, end);
    if (!made.ok) continue;
    const movedStart = afterMoves(start);
    const movedEnd = afterMoves(end - 1) + 1;
    quotes.push({
      selector: { ...made.selectors.quote, start, end },
      truth: { start: movedStart + shift(movedStart, "start"), end: movedEnd + shift(movedEnd, "end") },
    });
  }
  return { name: options.name, original, revised, quotes };
}
