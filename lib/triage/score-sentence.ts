import { foldText, tokenize } from "@/lib/matching/fold-text";
import { findEntities } from "@/lib/matching/glossary";
import type { MatchLanguage } from "@/lib/matching/match-language";
import { readDates } from "@/lib/matching/read-dates";
import { readQuantities } from "@/lib/matching/read-quantities";
import { ATTRIBUTION, CAUSAL, COMPARISON, FIRST_PERSON, HEDGE, OPINION, PREDICTION, REPORTED_CLAIM, type Cue } from "./cue-words";

/** What a triage rule found; the editor reads it in the catalogue's words (messages/<locale>/triageReasons.json). */
export type TriageCode =
  | "fragment" | "figure" | "date" | "sinceDate" | "comparison" | "superlative" | "change" | "attributed" | "reportedClaim"
  | "quotation" | "names" | "causal" | "question" | "opinion" | "prediction" | "personal" | "hedged";
/** One reason for a score: its code, what it found in the sentence (a figure, the words), and the points it gave (negative lowers). */
export type TriageReason = { code: TriageCode; detail?: string; points: number };

/** A quotation inside the sentence, between « », “ ” or straight double quotes. */
const QUOTATION = /«\s*([^»]+?)\s*»|“([^”]+)”|"([^"]+)"/g;

/** Words that start with a capital letter without being names: sentence starts, pronouns, days. */
const NOT_NAMES = new Set(
  foldText(
    "I The A An In On At As But And Or If It He She We They This That These Those There Their His Her Its Our For From With By To Of Mr Mrs Ms Dr " +
      "Le La Les Un Une Des Du De Au Aux En Et Ou Mais Si Il Elle Ils Elles Nous Vous On Ce Cette Ces Son Sa Ses Leur Leurs Dans Sur Pour Par Avec Selon M Mme " +
      "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche " +
      "January February March April May June July August September October November December",
  ).split(" "),
);

export function quotations(text: string): string[] {
  return [...text.matchAll(QUOTATION)].map((match) => (match[1] ?? match[2] ?? match[3] ?? "").trim()).filter(Boolean);
}

function firstCue(cues: Cue[], folded: string): { label: TriageCode; word: string } | null {
  for (const [pattern, label] of cues) {
    const match = pattern.exec(folded);
    if (match) return { label, word: match[0] };
  }
  return null;
}

/** Names of people, places and institutions: known entities, and capitalised words inside the sentence. */
export function namesIn(text: string): string[] {
  const tokens = tokenize(text);
  // Known entities as the sentence spells them ("États-Unis", not the list's "United States").
  const names = new Set(
    findEntities(tokens.map((token) => token.folded), tokens.map((token) => token.original)).map((match) =>
      text.slice(tokens[match.start]!.start, tokens[match.end - 1]!.start + tokens[match.end - 1]!.original.length),
    ),
  );
  let run: string[] = [];
  const flush = () => {
    if (run.length) names.add(run.join(" "));
    run = [];
  };
  tokens.forEach((token, index) => {
    const capital = /^\p{Lu}/u.test(token.original);
    const sentenceStart = index === 0 || /[.!?«“"]\s*$/.test(text.slice(0, token.start));
    // A name does not run over punctuation ("Selon Caracas, Téhéran …" names two places).
    const previous = tokens[index - 1];
    if (previous && /[^\s]/.test(text.slice(previous.start + previous.original.length, token.start))) flush();
    if (capital && !NOT_NAMES.has(token.folded) && !sentenceStart) run.push(token.original);
    else if (run.length && /^(?:de|du|des|la|le|van|von|of|al)$/.test(token.folded) && /^\p{Lu}/u.test(tokens[index + 1]?.original ?? "")) run.push(token.original);
    else flush();
  });
  flush();
  // A name inside a longer one is the same name ("Maduro" in "Nicolas Maduro").
  return [...names].filter((name, _, all) => !all.some((other) => other !== name && foldText(other).includes(foldText(name))));
}

/**
 * The check-worthiness of one sentence, as a sum of explainable points: figures, comparisons,
 * attribution, quotations, names and causes raise it; questions, opinions, predictions, personal
 * experience, hedges and fragments lower it. Each rule that fired is a reason.
 */
export function scoreSentence(text: string, language: MatchLanguage): { score: number; reasons: TriageReason[] } {
  const reasons: TriageReason[] = [];
  const add = (code: TriageCode, points: number, detail?: string) => reasons.push(detail === undefined ? { code, points } : { code, points, detail });
  const folded = foldText(text);
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const quoted = quotations(text);
  const outsideQuotes = foldText(text.replace(QUOTATION, " "));

  if (words.length < 5 || !/\p{Ll}/u.test(text) || (!/[.!?…»”"):]$/.test(text) && words.length < 8)) {
    add("fragment", -3);
  }

  // "the two countries", "les deux pays": a small number in words is no statistic.
  const quantities = readQuantities(text, language).quantities.filter((quantity) => quantity.unit !== null || /\d/.test(quantity.text) || quantity.value >= 10);
  if (quantities.length) add("figure", Math.min(3, 2 + 0.5 * (quantities.length - 1)), quantities.slice(0, 2).map((quantity) => quantity.text).join(", "));
  const dates = readDates(text, language).filter((key) => /^\d/.test(key));
  if (dates.length) add("date", 0.5, dates[0]);
  if (dates.length && /(?<!\p{L})(?:since|depuis)(?!\p{L})/u.test(folded)) add("sinceDate", 0.5);

  // A comparison, a superlative, a measured change: the first kind counts most.
  COMPARISON[language].filter(([pattern]) => pattern.test(folded)).forEach(([, label], index) => add(label, index === 0 ? 1.5 : 0.5));

  const attribution = firstCue(ATTRIBUTION[language], folded);
  if (attribution) add(attribution.label, 1.5, attribution.word);
  const reported = firstCue(REPORTED_CLAIM[language], folded);
  if (reported) add(reported.label, 1);
  if (quoted.length) add("quotation", 1);

  const names = namesIn(text);
  if (names.length) add("names", names.length > 1 ? 1.5 : 1, names.slice(0, 3).join(", "));

  const causal = firstCue(CAUSAL[language], folded);
  if (causal) add(causal.label, 1, causal.word);

  if (/\?\s*[»”"]?$/.test(text) || (quoted.length === 0 && text.includes("?"))) add("question", -3);
  const opinion = firstCue(OPINION[language], outsideQuotes);
  if (opinion) add(opinion.label, -1.5, opinion.word);
  const prediction = firstCue(PREDICTION[language], outsideQuotes);
  if (prediction) add(prediction.label, -1.5, prediction.word);
  if (!attribution && firstCue(FIRST_PERSON[language], outsideQuotes)) add(FIRST_PERSON[language][0]![1], -1.5);
  const hedge = firstCue(HEDGE[language], outsideQuotes);
  if (hedge) add(hedge.label, -0.5, hedge.word);

  const score = Math.round(reasons.reduce((sum, reason) => sum + reason.points, 0) * 10) / 10;
  return { score, reasons };
}
