import oppositeData from "@/data/matching/opposites.json";
import { buildLexicon, findTerms, type Lexicon } from "./glossary";
import type { MatchLanguage } from "./match-language";

/**
 * Which side of each pair of opposite words (data/matching/opposites.json: rise / fall, authorise /
 * forbid …) a statement takes, as "pair|side|word as written": "rise-fall|one|rose". A statement
 * that says both sides of a pair ("prices rose while wages fell") takes neither.
 */
export type Side = "one" | "other";

const lexicons: Record<MatchLanguage, Lexicon> = {
  en: buildLexicon(oppositeData.opposites.flatMap((pair) => [
    { id: `${pair.id}|one`, phrases: pair.one.en },
    { id: `${pair.id}|other`, phrases: pair.other.en },
  ])),
  fr: buildLexicon(oppositeData.opposites.flatMap((pair) => [
    { id: `${pair.id}|one`, phrases: pair.one.fr },
    { id: `${pair.id}|other`, phrases: pair.other.fr },
  ])),
};

/** Pairs whose negated side means the other side ("not allowed" is "forbidden"); "did not rise" is not "fell". */
const COMPLEMENTARY = new Set(oppositeData.opposites.filter((pair) => "complementary" in pair && pair.complementary === true).map((pair) => pair.id));

export const isComplementary = (pair: string) => COMPLEMENTARY.has(pair);

export function readOpposites(words: readonly string[], originals: readonly string[], language: MatchLanguage): string[] {
  const found = new Map<string, { side: Side; words: string[] } | null>();
  for (const match of findTerms(lexicons[language], words, originals)) {
    const [pair, side] = match.id.split("|") as [string, Side];
    // The words as written, an elided article joined to its word again ("l'âge").
    const text = originals.slice(match.start, match.end).join(" ").replace(/(['’]) /g, "$1");
    const seen = found.get(pair);
    if (seen === undefined) found.set(pair, { side, words: [text] });
    else if (seen !== null && seen.side !== side) found.set(pair, null);
    else if (seen !== null && !seen.words.includes(text)) seen.words.push(text);
  }
  return [...found].flatMap(([pair, stance]) => (stance ? [`${pair}|${stance.side}|${stance.words.join(", ")}`] : [])).sort();
}

/** "rise-fall|one|rose" -> its parts. */
export function parseStance(stance: string): { pair: string; side: Side; words: string } {
  const [pair, side, words] = stance.split("|") as [string, Side, string];
  return { pair, side, words };
}
