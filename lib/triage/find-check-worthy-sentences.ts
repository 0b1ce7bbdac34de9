import { LRUCache } from "lru-cache";
import { matchLanguage } from "@/lib/matching/match-language";
import { proposeClaim } from "./propose-claim";
import { scoreSentence, type TriageReason } from "./score-sentence";
import { splitSentences } from "./split-sentences";

/** A sentence worth checking: where it is in the article text, how much and why, and the claim it proposes. */
export type TriageCandidate = {
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: TriageReason[];
  statement: string;
  claimant: string;
};

/** The score from which a sentence is shown as a candidate. */
export const CANDIDATE_SCORE = 3;

/**
 * Every sentence of an article with its score (best first is the caller's choice: these are in
 * text order). Pure: the same text and language give the same result.
 */
export function scoreArticleSentences(text: string, language: string): TriageCandidate[] {
  const lang = matchLanguage(language);
  const sentences = splitSentences(text, lang);
  return sentences.map((sentence, index) => {
    const { score, reasons } = scoreSentence(sentence.text, lang);
    const context = sentences
      .slice(Math.max(0, index - 3), index)
      .map((earlier) => earlier.text)
      .join(" ");
    return { ...sentence, score, reasons, ...proposeClaim(sentence.text, lang, context) };
  });
}

// Revisions are immutable, so their candidates are cached by text; a new revision is a new text.
const cache = new LRUCache<string, TriageCandidate[]>({ max: 200 });

/** The sentences of an article worth checking (score at least CANDIDATE_SCORE), in text order. */
export function findCheckWorthySentences(text: string, language: string): TriageCandidate[] {
  const key = `${language}\u0000${text}`;
  let found = cache.get(key);
  if (!found) {
    found = scoreArticleSentences(text, language).filter((candidate) => candidate.score >= CANDIDATE_SCORE);
    cache.set(key, found);
  }
  return found;
}
