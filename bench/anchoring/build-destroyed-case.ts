import { createSelectors } from "@/lib/anchoring/create-selectors";
import type { BenchCase, BenchQuote } from "./build-case";
import { createPrng } from "./create-prng";

/** A paragraph of the revision: one of the original's, unchanged, or new text. */
type RevisedParagraph = { from: number } | { text: string };

export type DestroyedCaseOptions = {
  name: string;
  seed: number;
  /** Quotes whose sentence the revision deletes, each with a lookalike left elsewhere. */
  destroyed: number;
  /** Quotes in paragraphs the revision leaves as they were (they only shift). */
  surviving: number;
};

// A sentence: at least 40 characters up to its final stop, within one paragraph.
const SENTENCE = /[^.!?\n]{40,300}[.!?]/g;
const BOILERPLATE =
  "Subscribe to our newsletter to receive the day's main stories every morning, and follow our live coverage of the talks on our website and apps.";

/**
 * Destroyed quotes with a lookalike elsewhere, three ways: the revision deletes the quoted
 * sentence and adds a correction note quoting its old wording ("correction"); deletes one copy of
 * a boilerplate paragraph repeated through a long document ("boilerplate"); deletes a sentence
 * that a second article in the same text quotes word for word ("second article"). The right
 * answer for those is "lost"; the surviving quotes are in paragraphs the revision leaves alone.
 */
export function buildDestroyedCase(kind: "correction" | "boilerplate" | "second article", paragraphs: string[], options: DestroyedCaseOptions): BenchCase {
  const random = createPrng(options.seed);
  const pick = (below: number): number => Math.floor(random() * below);
  let original = [...paragraphs];
  const touched = new Set<number>();
  const revisedAt = new Map<number, RevisedParagraph>();
  const appended: string[] = [];
  const destroyedQuotes: { paragraph: number; offset: number; length: number }[] = [];

  if (kind === "boilerplate") {
    // The boilerplate after every eighth paragraph; some of its copies are deleted with their quote.
    original = paragraphs.flatMap((paragraph, index) => (index % 8 === 7 ? [paragraph, BOILERPLATE] : [paragraph]));
    const copies = original.flatMap((paragraph, index) => (paragraph === BOILERPLATE ? [index] : []));
    while (destroyedQuotes.length < options.destroyed && touched.size < copies.length) {
      const index = copies[pick(copies.length)]!;
      if (touched.has(index)) continue;
      touched.add(index);
      revisedAt.set(index, { text: "" });
      const length = 30 + pick(BOILERPLATE.length - 30);
      destroyedQuotes.push({ paragraph: index, offset: pick(BOILERPLATE.length - length + 1), length });
    }
  } else {
    const candidates = original.flatMap((paragraph, index) => [...paragraph.matchAll(SENTENCE)].map((match) => ({ index, at: match.index, sentence: match[0] })));
    const secondArticle: string[] = [];
    while (destroyedQuotes.length < options.destroyed) {
      const { index, at, sentence } = candidates[pick(candidates.length)]!;
      if (touched.has(index)) continue;
      const trimmed = sentence.trimStart();
      const offset = at + sentence.length - trimmed.length;
      // The same words are often in several articles' shared paragraphs: only a sentence the text has once.
      if (original.join("\n\n").split(trimmed).length !== 2) continue;
      touched.add(index);
      revisedAt.set(index, { text: original[index]!.slice(0, offset) + original[index]!.slice(offset + trimmed.length) });
      destroyedQuotes.push({ paragraph: index, offset, length: trimmed.length });
      if (kind === "correction") appended.push(`Correction: an earlier version of this article said: “${trimmed}” That was wrong, and has been corrected.`);
      else secondArticle.push(`In a related story, a spokesman repeated what was said before: ${trimmed} Officials did not comment further.`);
    }
    if (kind === "second article") {
      // The second article is in the text before and after the revision: the lookalike is old text.
      const at = original.length;
      original.push("Second article", ...secondArticle);
      for (let index = at; index < original.length; index++) touched.add(index);
    }
  }

  const revisedParagraphs: RevisedParagraph[] = original.map((_, index) => revisedAt.get(index) ?? { from: index });
  for (const text of appended) revisedParagraphs.push({ text });
  const originalText = original.join("\n\n");
  const originalStart: number[] = [];
  let offset = 0;
  for (const paragraph of original) {
    originalStart.push(offset);
    offset += paragraph.length + 2;
  }
  const revisedStart = new Map<number, number>();
  const revisedTexts: string[] = [];
  offset = 0;
  for (const paragraph of revisedParagraphs) {
    const text = "from" in paragraph ? original[paragraph.from]! : paragraph.text;
    if (text.length === 0) continue;
    if ("from" in paragraph) revisedStart.set(paragraph.from, offset);
    revisedTexts.push(text);
    offset += text.length + 2;
  }

  const quotes: BenchQuote[] = [];
  const quote = (paragraph: number, at: number, length: number, truth: BenchQuote["truth"]): boolean => {
    const start = originalStart[paragraph]! + at;
    const made = createSelectors(originalText, start, start + length);
    if (made.ok) quotes.push({ selector: { ...made.selectors.quote, start, end: start + length }, truth });
    return made.ok;
  };
  for (const { paragraph, offset: at, length } of destroyedQuotes) quote(paragraph, at, length, null);
  while (quotes.length < destroyedQuotes.length + options.surviving) {
    const paragraph = pick(original.length);
    const length = 30 + pick(171);
    if (touched.has(paragraph) || original[paragraph]!.length < length) continue;
    const at = pick(original[paragraph]!.length - length + 1);
    const start = revisedStart.get(paragraph)! + at;
    quote(paragraph, at, length, { start, end: start + length });
  }
  return { name: options.name, original: originalText, revised: revisedTexts.join("\n\n"), quotes };
}
