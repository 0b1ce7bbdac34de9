import { englishMessage, type ErrorMessageKey } from "@/lib/errors";

// W3C Web Annotation selectors for a passage of a text. Offsets are UTF-16 code units, as in the
// browser's Selection API; exports convert them to code points.
export const CONTEXT_LENGTH = 32;

export type TextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };
export type PassageSelectors = { quote: TextQuoteSelector; position: TextPositionSelector };

export type SelectorError = { ok: false; reason: string; refusal: ErrorMessageKey };

const refused = (refusal: ErrorMessageKey): SelectorError => ({ ok: false, reason: englishMessage(refusal), refusal });

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Selectors for text[start, end), or a reason why that range is not a passage of this text. */
export function createSelectors(
  text: string,
  start: number,
  end: number,
  expectedExact?: string,
): { ok: true; selectors: PassageSelectors } | SelectorError {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    return refused({ key: "rangeOutside", params: { start, end, length: text.length } });
  }
  // A boundary between the two halves of an emoji would not survive the export to code points.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return refused({ key: "selectionSplitsCharacter" });
  }
  const exact = text.slice(start, end);
  if (expectedExact !== undefined && expectedExact !== exact) {
    return refused({ key: "quoteMismatch" });
  }
  if (exact.trim().length === 0) return refused({ key: "passageBlank" });
  return {
    ok: true,
    selectors: { quote: { type: "TextQuoteSelector", exact, ...quoteContext(text, start, end) }, position: { type: "TextPositionSelector", start, end } },
  };
}

/**
 * At most CONTEXT_LENGTH code units on each side of text[start, end), cut between grapheme
 * clusters: half an emoji would be stored as U+FFFD, and a flag or an accent cut from its letter
 * is another text, so prefix + exact + suffix would no longer occur in the article.
 */
export function quoteContext(text: string, start: number, end: number): { prefix: string; suffix: string } {
  // A cluster is rarely longer than a few code units: this much more text settles the boundaries.
  const margin = 2 * CONTEXT_LENGTH;
  const before = text.slice(Math.max(0, start - CONTEXT_LENGTH - margin), start);
  let cut = before.length;
  for (const { index } of graphemes.segment(before)) {
    if (index >= before.length - CONTEXT_LENGTH) {
      cut = index;
      break;
    }
  }
  const after = text.slice(end, end + CONTEXT_LENGTH + margin);
  let keep = 0;
  for (const { index, segment } of graphemes.segment(after)) {
    if (index + segment.length > CONTEXT_LENGTH) break;
    keep = index + segment.length;
  }
  return { prefix: before.slice(cut), suffix: after.slice(0, keep) };
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
