import { singular } from "./fold-text";
import { findConcepts, findEntities, unitWeight } from "./glossary";
import { matchLanguage, type MatchLanguage } from "./match-language";
import { MONTH_WORDS, readDates } from "./read-dates";
import { readPolarity, type Polarity } from "./read-polarity";
import { readOpposites } from "./read-opposites";
import { readQuantities } from "./read-quantities";
import { readTense, type Tense } from "./read-tense";
import { STOPWORDS } from "./stopwords";

export type ClaimText = { statement: string; claimant: string; language: string };

/** A number as matched: its value, its unit, and what it may count when it has no unit (the meanings of the next words: "700 000 fonctionnaires"). */
export type MatchQuantity = { value: number; unit: string | null; things: string[]; text: string };

/**
 * What the matcher reads in a claim. `units` are its meanings, comparable across languages:
 * glossary concepts ("c:unemployment"), entities ("e:venezuela", "e:name:tesla") and, for words
 * in neither, their first five letters ("w:minar"), which catches most EN/FR cognates.
 */
export type ClaimProfile = {
  language: MatchLanguage;
  quantities: MatchQuantity[];
  dates: string[];
  entities: string[];
  units: string[];
  claimant: { folded: string; units: string[] };
  polarity: Polarity;
  /** The sides it takes of pairs of opposite words (read-opposites.ts): "rise-fall|one|rose". */
  opposites: string[];
  /** Whether it says what will happen or what happened (read-tense.ts). */
  tense: Tense;
};

export function describeClaim(claim: ClaimText): ClaimProfile {
  const language = matchLanguage(claim.language, claim.statement);
  const statement = readMeaning(claim.statement, language, false);
  const claimant = readMeaning(claim.claimant, language, true);
  return {
    language,
    quantities: statement.quantities,
    dates: readDates(claim.statement, language),
    entities: statement.units.filter((unit) => unit.startsWith("e:")),
    units: statement.units,
    opposites: statement.opposites,
    tense: readTense(claim.statement, language),
    claimant: { folded: claimant.folded, units: claimant.units },
    polarity: readPolarity(claim.statement, language),
  };
}

const FRACTION_LINKS: ReadonlySet<string> = new Set(["of", "de", "d'", "des", "du"]);
const NEGATION_WORDS = new Set(["not", "no", "never", "without", "none", "ne", "n'", "pas", "jamais", "sans", "aucun", "aucune", "rien", "t"]);

function readMeaning(text: string, language: MatchLanguage, isName: boolean) {
  const { quantities, tokens } = readQuantities(text, language);
  const words = tokens.map((token) => token.folded);
  const originals = tokens.map((token) => token.original);
  const unitsAt = new Map<number, string[]>();
  const add = (at: number, unit: string) => unitsAt.set(at, [...(unitsAt.get(at) ?? []), unit]);
  const covered = new Array<boolean>(words.length).fill(false);
  for (const quantity of quantities) covered.fill(true, quantity.start, quantity.next);
  for (const match of findEntities(words, originals)) {
    add(match.start, `e:${match.id}`);
    covered.fill(true, match.start, match.end);
  }
  const concepts = findConcepts(words, originals, language);
  for (const match of concepts) {
    if (covered.slice(match.start, match.end).every(Boolean)) continue;
    add(match.start, `c:${match.id}`);
  }
  for (const match of concepts) covered.fill(true, match.start, match.end);
  for (const [at, word] of words.entries()) {
    if (covered[at] || STOPWORDS.has(word) || NEGATION_WORDS.has(word) || MONTH_WORDS[word] || !/^[a-z]/.test(word) || word.length < 3) continue;
    const capitalised = /^\p{Lu}/u.test(originals[at]!);
    if (capitalised && (isName || at > 0)) add(at, `e:name:${singular(word)}`);
    else add(at, `w:${singular(word).slice(0, 5)}`);
  }
  // Either side of a pair of opposites is the same topic ("o:rise-fall"): "rose" and "a baissé" speak of one thing.
  const opposites = isName ? [] : readOpposites(words, originals, language);
  const units = [...new Set([...[...unitsAt.values()].flat(), ...opposites.map((stance) => `o:${stance.split("|")[0]}`)])].sort();
  // The meanings of the (up to two) words right after the number, up to the first word without one.
  const thingsAfter = (next: number) => {
    const things: string[] = [];
    for (let at = next; at < next + 2 && unitsAt.has(at); at++) things.push(...unitsAt.get(at)!);
    return things;
  };
  // What a share or an amount is of: "17% of new car sales", "51,2 % des suffrages", "4 % de son PIB".
  const thingsOf = (next: number) => {
    if (!FRACTION_LINKS.has(words[next] ?? "")) return [];
    for (let at = next + 1; at < next + 4; at++) if (unitsAt.has(at)) return thingsAfter(at);
    return [];
  };
  // The topic named just before the number: "growth of 3%", "une inflation mondiale de 3 %".
  const topicBefore = (start: number) => {
    for (let at = start - 1; at >= Math.max(0, start - 4); at--) {
      const topic = (unitsAt.get(at) ?? []).find((unit) => unit.startsWith("c:") && unitWeight(unit) >= 1);
      if (topic) return [topic];
    }
    return [];
  };
  return {
    folded: words.filter((word) => /^[a-z0-9]/.test(word)).join(" "),
    units,
    opposites,
    quantities: quantities.map((quantity) => ({
      value: quantity.value,
      unit: quantity.unit,
      things: [...new Set([...(quantity.unit ? thingsOf(quantity.next) : thingsAfter(quantity.next)), ...topicBefore(quantity.start)])],
      text: quantity.text,
    })),
  };
}
