import glossaryData from "@/data/matching/glossary-en-fr.json";
import entityData from "@/data/matching/entities.json";
import { singular, tokenize } from "./fold-text";
import type { MatchLanguage } from "./match-language";

/** A phrase of the glossary or a name of an entity, as folded words; the last may be a prefix. */
type Term = { words: string[]; prefix: boolean; id: string; letterCase: "upper" | "capital" | null };
/** Phrases by their first word; one-word prefixes ("unemploy*") by their first three letters. */
export type Lexicon = {
  byFirstWord: Map<string, Term[]>;
  multiWordStarts: Set<string>;
  prefixTerms: Map<string, Term[]>;
  oneWordIds: Map<string, string[]>;
};
const PREFIX_KEY = 3;
const MEMO_LIMIT = 200_000;

export function buildLexicon(entries: { id: string; phrases: string[]; caseSensitive?: boolean }[]): Lexicon {
  const byFirstWord = new Map<string, Term[]>();
  const prefixTerms = new Map<string, Term[]>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      const prefix = phrase.endsWith("*");
      const words = tokenize(phrase.replace(/\*$/, "")).map((token) => token.folded);
      if (words.length === 0) continue;
      // "US", "UN", "WHO" only in capitals (not "us", "un", "who"); "Turkey", "Channel" only capitalised.
      const letterCase = !entry.caseSensitive ? null : /^[A-Z0-9-]{2,6}$/.test(phrase) ? "upper" : /^\p{Lu}/u.test(phrase) ? "capital" : null;
      const term: Term = { words, prefix, id: entry.id, letterCase };
      if (prefix && words.length === 1) {
        const key = words[0]!.slice(0, PREFIX_KEY);
        prefixTerms.set(key, [...(prefixTerms.get(key) ?? []), term]);
      }
      else byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), term]);
    }
  }
  const multiWordStarts = new Set([...byFirstWord].filter(([, terms]) => terms.some((term) => term.words.length > 1)).map(([word]) => word));
  return { byFirstWord, multiWordStarts, prefixTerms, oneWordIds: new Map() };
}

const conceptLexicons: Record<MatchLanguage, Lexicon> = {
  en: buildLexicon(glossaryData.concepts.map((concept) => ({ id: concept.id, phrases: concept.en }))),
  fr: buildLexicon(glossaryData.concepts.map((concept) => ({ id: concept.id, phrases: concept.fr }))),
};
// Names are read in both languages: a French claim may say "United Nations".
const entityLexicon = buildLexicon(entityData.entities.flatMap((entity) => [
  { id: entity.id, phrases: entity.names.filter((name) => /^\p{Lu}/u.test(name)), caseSensitive: true },
  { id: entity.id, phrases: entity.names.filter((name) => !/^\p{Lu}/u.test(name)) },
]));
const CONCEPT_WEIGHTS = new Map(glossaryData.concepts.map((concept) => [concept.id, "weight" in concept ? (concept as { weight: number }).weight : 1]));
/** How much a meaning counts in statement similarity: common concepts and bare word stems count less. */
export function unitWeight(unit: string): number {
  if (unit.startsWith("c:")) return CONCEPT_WEIGHTS.get(unit.slice(2)) ?? 1;
  if (unit.startsWith("o:")) return OPPOSITE_TOPIC_WEIGHT;
  return unit.startsWith("w:") ? WORD_STEM_WEIGHT : 1;
}
const WORD_STEM_WEIGHT = 0.5;
/** Two statements on either side of rise / fall share a topic, a common one. */
const OPPOSITE_TOPIC_WEIGHT = 0.3;
const WIDER = new Map(entityData.entities.filter((entity) => "within" in entity).map((entity) => [entity.id, (entity as { within: string }).within]));
const ENTITY_NAMES = new Map(entityData.entities.map((entity) => [entity.id, entity.names[0]!]));

export type LexiconMatch = { id: string; start: number; end: number };

/**
 * Every glossary concept (or entity) found in the words, longest phrases first; a word may belong to
 * several concepts ("received": welcome, receive), never to two phrases.
 */
export function findTerms(lexicon: Lexicon, words: readonly string[], originals: readonly string[]): LexiconMatch[] {
  const matches: LexiconMatch[] = [];
  const covered = new Array<boolean>(words.length).fill(false);
  const fits = (term: Term, at: number) =>
    term.words.every((word, offset) => {
      const actual = words[at + offset];
      if (actual === undefined) return false;
      const original = originals[at + offset] ?? "";
      if (offset === 0 && term.letterCase === "capital" && !/^\p{Lu}/u.test(original)) return false;
      if (term.letterCase === "upper" && original !== original.toUpperCase()) return false;
      const last = offset === term.words.length - 1;
      return actual === word || singular(actual) === singular(word) || (last && term.prefix && actual.startsWith(word));
    });
  for (let at = 0; at < words.length; at++) {
    const starting = lexicon.multiWordStarts.has(words[at]!) || lexicon.multiWordStarts.has(singular(words[at]!));
    if (!starting) continue;
    const candidates = [...(lexicon.byFirstWord.get(words[at]!) ?? []), ...(lexicon.byFirstWord.get(singular(words[at]!)) ?? [])]
      .filter((term) => term.words.length > 1 && fits(term, at))
      .sort((a, b) => b.words.length - a.words.length);
    const longest = candidates[0];
    if (longest && !covered.slice(at, at + longest.words.length).some(Boolean)) {
      for (const term of candidates.filter((candidate) => candidate.words.length === longest.words.length)) {
        matches.push({ id: term.id, start: at, end: at + term.words.length });
      }
      covered.fill(true, at, at + longest.words.length);
    }
  }
  for (let at = 0; at < words.length; at++) {
    if (covered[at]) continue;
    // Words repeat from claim to claim: each word's one-word terms are looked up once.
    const original = originals[at] ?? "";
    const memoKey = `${words[at]}|${/^\p{Lu}/u.test(original) ? "C" : ""}${original === original.toUpperCase() ? "U" : ""}`;
    let ids = lexicon.oneWordIds.get(memoKey);
    if (!ids) {
      const single = [...(lexicon.byFirstWord.get(words[at]!) ?? []), ...(lexicon.byFirstWord.get(singular(words[at]!)) ?? [])].filter(
        (term) => term.words.length === 1 && fits(term, at),
      );
      const prefixed = (lexicon.prefixTerms.get(words[at]!.slice(0, PREFIX_KEY)) ?? []).filter((term) => words[at]!.startsWith(term.words[0]!) && fits(term, at));
      ids = [...new Set([...single, ...prefixed].map((term) => term.id))];
      if (lexicon.oneWordIds.size < MEMO_LIMIT) lexicon.oneWordIds.set(memoKey, ids);
    }
    for (const id of ids) matches.push({ id, start: at, end: at + 1 });
  }
  return matches;
}

export function findConcepts(words: readonly string[], originals: readonly string[], language: MatchLanguage): LexiconMatch[] {
  return findTerms(conceptLexicons[language], words, originals);
}

/** Known entities, each with the wider entities it lies within (Paris -> France). */
export function findEntities(words: readonly string[], originals: readonly string[]): LexiconMatch[] {
  const found = findTerms(entityLexicon, words, originals);
  const wider: LexiconMatch[] = [];
  for (const match of found) {
    for (let id = WIDER.get(match.id); id; id = WIDER.get(id)) wider.push({ ...match, id });
  }
  return [...found, ...wider];
}

/** How an entity reads to the editor: its first name in the list, or the name as the claim spells it. */
export function entityName(id: string): string {
  return ENTITY_NAMES.get(id) ?? id.replace(/^name:/, "");
}
