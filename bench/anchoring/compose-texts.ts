import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createPrng } from "./create-prng";

export type ComposedTexts = {
  /** About `size` characters of the seed articles, cycled; repeats after the first are variants. */
  article: (size: number) => string[];
  /** About `size` characters of seed paragraphs, each repeated verbatim `copies` times in a row. */
  repeated: (size: number, copies: number) => string[];
};

// Share of word types that a repeat of the corpus swaps for another word of the corpus.
const VARIANT_WORD_SHARE = 0.35;

/**
 * Paragraph lists for the benchmark texts, from seeds/articles/*.txt (about 15,600 characters).
 *
 * Longer texts cycle through the articles. A verbatim second copy would make a moved passage
 * undecidable (its twin is as good a match), which is what the repeated-paragraph stress case is
 * for; so in the ordinary texts each repeat after the first swaps about a third of the word types
 * for other words of the corpus (seeded): the repeats stay lookalikes, but not twins.
 */
export function composeTexts(seedDirectory: string, seed: number): ComposedTexts {
  const articles = readdirSync(seedDirectory)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) =>
      readFileSync(join(seedDirectory, file), "utf8")
        .split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    );
  const all = articles.flat();
  const vocabulary = [...new Set(all.join(" ").match(/\p{L}+/gu) ?? [])];

  const variant = (cycle: number): string[] => {
    if (cycle === 0) return all;
    const random = createPrng(seed * 7919 + cycle);
    const swap = new Map<string, string>();
    for (const word of vocabulary) {
      if (random() < VARIANT_WORD_SHARE) swap.set(word, vocabulary[Math.floor(random() * vocabulary.length)]!);
    }
    return all.map((paragraph) => paragraph.replace(/\p{L}+/gu, (word) => swap.get(word) ?? word));
  };

  const fill = (size: number, source: (cycle: number) => string[]): string[] => {
    const paragraphs: string[] = [];
    let length = 0;
    for (let cycle = 0; length < size; cycle++) {
      for (const paragraph of source(cycle)) {
        if (length >= size) break;
        paragraphs.push(paragraph);
        length += paragraph.length + 2;
      }
    }
    return paragraphs;
  };

  return {
    article: (size) => fill(size, variant),
    repeated: (size, copies) => {
      // Paragraphs of ordinary length: a one-line dateline repeated is not a paragraph.
      const base = all.filter((paragraph) => paragraph.length >= 150 && paragraph.length <= 900);
      return fill(size, () => base.flatMap((paragraph) => Array.from({ length: copies }, () => paragraph)));
    },
  };
}
