import { alignPassage } from "./align-passage";

// A stored side shorter than this says too little to tell a passage from a lookalike.
const MIN_TELLING_SIDE = 8;
// A side still reads as it did with at most this share of edits.
const MAX_SIDE_EDITS = 1 / 3;
// How far a side's far end may drift (in edits) when it is aligned next to the quote.
const SIDE_BAND = 4;

/**
 * What the stored context says of the quote's text at text[start, end): "agrees" when a side of
 * some length still reads mostly as stored, "contradicts" when every such side reads otherwise (a
 * correction note quoting the old words, the same sentence in another article), "silent" when no
 * side is long enough to tell (a quote at the edge of the text, a selector without context).
 */
export function checkContext(
  text: string,
  context: { prefix: string; suffix: string },
  start: number,
  end: number,
): "agrees" | "contradicts" | "silent" {
  const { prefix, suffix } = context;
  let telling = 0;
  if (prefix.length >= MIN_TELLING_SIDE) {
    telling++;
    if (text.endsWith(prefix, start)) return "agrees";
    const errors = alignPassage(text, { window: prefix, prefixLength: prefix.length, quoteLength: 0 }, start, SIDE_BAND).prefixErrors;
    if (errors <= MAX_SIDE_EDITS * prefix.length) return "agrees";
  }
  if (suffix.length >= MIN_TELLING_SIDE) {
    telling++;
    if (text.startsWith(suffix, end)) return "agrees";
    const errors = alignPassage(text, { window: suffix, prefixLength: 0, quoteLength: 0 }, end, SIDE_BAND).suffixErrors;
    if (errors <= MAX_SIDE_EDITS * suffix.length) return "agrees";
  }
  return telling === 0 ? "silent" : "contradicts";
}
