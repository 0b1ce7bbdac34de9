import type { ClaimProfile, MatchQuantity } from "./describe-claim";
import { entityName, unitWeight } from "./glossary";
import { isComplementary, parseStance } from "./read-opposites";

/** Each signal is one reason the editor reads; `weight` is how much it moved the score. */
export type MatchSignal =
  | { kind: "numbers"; status: "agree" | "partial" | "differ" | "other_meaning"; shared: string[]; weight: number }
  | { kind: "dates"; status: "agree" | "differ"; shared: string[]; weight: number }
  | { kind: "entities"; shared: string[]; weight: number }
  | { kind: "other_entities"; names: string[]; weight: number }
  | { kind: "claimant"; weight: number }
  | { kind: "polarity"; negatedIn: "this" | "other"; cues: string[]; weight: number }
  | { kind: "opposite"; pair: string; thisWords: string; otherWords: string; weight: number }
  | { kind: "tense"; thisTense: "past" | "future"; weight: number }
  | { kind: "statement"; similarity: number; weight: number };

/**
 * likely_same: the signals agree (same polarity, no opposite words, no number, date, tense or named
 * place in conflict, the same claimant or a named entity in common, or statements alike enough where one claimant
 * is unknown, and numbers, dates or the statements themselves alike);
 * contradicts: the same but one of the two is negated, or says the opposite word (rose / fell);
 * related: the rest, best first by score, and claims whose negation and opposite words leave it unclear.
 */
export type MatchVerdict = "likely_same" | "contradicts" | "related";
export type ClaimMatch = { verdict: MatchVerdict; score: number; signals: MatchSignal[] };

/** Statements at least this alike (shared meanings, Dice) can be the same claim. */
export const SAME_CLAIM_SIMILARITY = 0.5;
/** Without numbers or dates to agree on, the statements must be this alike. */
export const SAME_CLAIM_SIMILARITY_ALONE = 0.65;
/** When only one of the two gives a number, the statements must be this alike. */
export const SAME_CLAIM_SIMILARITY_ONE_NUMBER = 0.8;
/** Below this the statements are not worth suggesting on their own. */
export const RELATED_SIMILARITY = 0.2;

export function compareClaims(target: ClaimProfile, other: ClaimProfile): ClaimMatch {
  const signals: MatchSignal[] = [];
  const similarity = statementSimilarity(target.units, other.units);
  signals.push({ kind: "statement", similarity, weight: similarity });

  const numbers = otherSubject(compareQuantities(target.quantities, other.quantities, target.units, other.units), target, other);
  if (numbers) signals.push({ kind: "numbers", status: numbers.status, shared: numbers.shared, weight: NUMBER_WEIGHTS[numbers.status] });

  const dates = compareDates(target.dates, other.dates);
  if (dates) signals.push({ kind: "dates", ...dates, weight: dates.status === "agree" ? 0.15 : -0.25 });

  const shared = target.entities.filter((entity) => other.entities.includes(entity));
  if (shared.length > 0) signals.push({ kind: "entities", shared: shared.map((id) => entityName(id.slice(2))), weight: 0.05 * Math.min(3, shared.length) });
  // Both name known places or bodies, none the same: "in France" and "in Morocco".
  const known = (entities: readonly string[]) => entities.filter((entity) => !entity.startsWith("e:name:"));
  const otherEntities = known(target.entities).length > 0 && known(other.entities).length > 0 && !known(target.entities).some((entity) => other.entities.includes(entity));
  if (otherEntities) signals.push({ kind: "other_entities", names: known(other.entities).map((id) => entityName(id.slice(2))), weight: -0.2 });

  // "will no longer receive" and "has not received": what will happen is another claim than what happened.
  const otherTime = target.tense !== null && other.tense !== null && target.tense !== other.tense;
  if (target.tense !== null && otherTime) signals.push({ kind: "tense", thisTense: target.tense, weight: -0.2 });

  const sameClaimant = isSameClaimant(target.claimant, other.claimant);
  if (sameClaimant) signals.push({ kind: "claimant", weight: 0.15 });

  const negatedOnce = target.polarity.negated !== other.polarity.negated;
  if (negatedOnce) {
    const negated = target.polarity.negated ? target.polarity : other.polarity;
    signals.push({ kind: "polarity", negatedIn: target.polarity.negated ? "this" : "other", cues: negated.cues, weight: OPPOSITE_WEIGHT });
  }
  const sense = compareSenses(target, other, negatedOnce);
  for (const pair of sense.opposites) signals.push({ ...pair, kind: "opposite", weight: OPPOSITE_WEIGHT });

  const score = signals.reduce((sum, signal) => sum + signal.weight, 0);
  const conflict = numbers?.status === "differ" || numbers?.status === "other_meaning" || dates?.status === "differ" || otherEntities || otherTime || sense.verdict === "unclear";
  // An imported fact-check may not name who said it: then the statements must be alike on their own.
  const claimantUnknown = target.claimant.folded === "" || other.claimant.folded === "";
  const anchored = sameClaimant || shared.length > 0 || (claimantUnknown && similarity >= SAME_CLAIM_SIMILARITY_ALONE);
  const oneNumber = target.quantities.some(isTelling) !== other.quantities.some(isTelling);
  // A date in common says little on its own ("in 2023"): from another claimant it needs statements alike enough.
  const datesCorroborate = dates?.status === "agree" && (sameClaimant || claimantUnknown || similarity >= SAME_CLAIM_SIMILARITY_ALONE);
  const corroborated =
    numbers?.status === "agree" || datesCorroborate || similarity >= (oneNumber ? SAME_CLAIM_SIMILARITY_ONE_NUMBER : SAME_CLAIM_SIMILARITY_ALONE);
  const alike = !conflict && anchored && corroborated && similarity >= SAME_CLAIM_SIMILARITY;
  const verdict: MatchVerdict = alike ? (sense.verdict === "opposite" ? "contradicts" : "likely_same") : "related";
  return { verdict, score: Math.round(score * 1000) / 1000, signals };
}

/** A claim and its negation rank below the claim's twin, and are offered as "contradicts?". */
const OPPOSITE_WEIGHT = -0.4;
const NUMBER_WEIGHTS = { agree: 0.35, partial: 0.15, differ: -0.3, other_meaning: -0.1 } as const;

/** Shared meanings over all meanings of both statements (Dice, each meaning by its unitWeight), 0 to 1. */
export function statementSimilarity(a: readonly string[], b: readonly string[]): number {
  const weigh = (units: readonly string[]) => units.reduce((sum, unit) => sum + unitWeight(unit), 0);
  const total = weigh(a) + weigh(b);
  if (total === 0) return 0;
  const inB = new Set(b);
  return Math.round(((2 * weigh(a.filter((unit) => inB.has(unit)))) / total) * 100) / 100;
}

type Opposed = { pair: string; thisWords: string; otherWords: string };

/**
 * Whether two statements say the same or opposite things, from their negations and the sides they take
 * of pairs of opposite words (data/matching/opposites.json):
 * - "rose" and "fell", both or neither negated: opposite;
 * - "did not authorise" and "forbade": the same sense, for pairs whose negation is the other side
 *   (complementary: authorise / forbid, win / lose);
 * - "did not rise" and "fell", "did not buy" and "sold": unclear, never the same claim;
 * - otherwise a negation on one side only is opposite, as before.
 */
function compareSenses(a: ClaimProfile, b: ClaimProfile, negatedOnce: boolean): { verdict: "same" | "opposite" | "unclear"; opposites: Opposed[] } {
  const sides = new Map(b.opposites.map((stance) => { const parsed = parseStance(stance); return [parsed.pair, parsed] as const; }));
  const opposites: Opposed[] = [];
  let unclear = false;
  let reconciled = false;
  for (const stance of a.opposites) {
    const mine = parseStance(stance);
    const theirs = sides.get(mine.pair);
    if (!theirs) continue;
    if (mine.side === theirs.side) continue;
    // One negation and opposite words: the same sense for a complementary pair, unclear for the others.
    if (!negatedOnce) opposites.push({ pair: mine.pair, thisWords: mine.words, otherWords: theirs.words });
    else if (isComplementary(mine.pair)) reconciled = true;
    else unclear = true;
  }
  if (opposites.length > 0) return { verdict: "opposite", opposites };
  if (unclear) return { verdict: "unclear", opposites };
  return { verdict: negatedOnce && !reconciled ? "opposite" : "same", opposites };
}

/**
 * The same figure about another subject: "pensions are 14% of GDP" and "health spending is 14% of
 * GDP". Each statement has topics of its own (the glossary's concepts of full weight) and together
 * they outnumber the topics in common.
 */
type NumbersFound = { status: "agree" | "partial" | "differ" | "other_meaning"; shared: string[] } | null;

function otherSubject(numbers: NumbersFound, a: ClaimProfile, b: ClaimProfile): NumbersFound {
  if (numbers?.status !== "agree") return numbers;
  const topics = (profile: ClaimProfile) => profile.units.filter((unit) => unit.startsWith("c:") && unitWeight(unit) >= 1);
  const own = (x: ClaimProfile, y: ClaimProfile) => topics(x).filter((unit) => !y.units.includes(unit)).length;
  const [ownA, ownB] = [own(a, b), own(b, a)];
  const shared = topics(a).filter((unit) => b.units.includes(unit)).length;
  return ownA > 0 && ownB > 0 && ownA + ownB > shared ? { status: "other_meaning", shared: numbers.shared } : numbers;
}

/** Counts of ten or less without a unit ("two countries") are too common to agree or disagree on. */
function isTelling(quantity: MatchQuantity): boolean {
  return quantity.unit !== null || quantity.value > 10 || !Number.isInteger(quantity.value);
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005;
}

function compatibleUnits(a: MatchQuantity, b: MatchQuantity): boolean {
  return a.unit === b.unit || (a.unit === null && b.unit !== "percent" && b.unit !== "factor") || (b.unit === null && a.unit !== "percent" && a.unit !== "factor");
}

/**
 * "700 000 fonctionnaires" and "700,000 barrels", "growth of 3%" and "une inflation de 3 %": what each
 * figure counts or measures is nowhere in the other statement.
 */
function countsOtherThings(a: MatchQuantity, b: MatchQuantity, aUnits: readonly string[], bUnits: readonly string[]): boolean {
  // A place is where the figure is, not what it counts ("42 000 enfants européens"): meanings only.
  const [aThings, bThings] = [a.things.filter(isMeaning), b.things.filter(isMeaning)];
  return aThings.length > 0 && bThings.length > 0 && !aThings.some((thing) => bUnits.includes(thing)) && !bThings.some((thing) => aUnits.includes(thing));
}

const isMeaning = (unit: string) => !unit.startsWith("e:");

function compareQuantities(a: readonly MatchQuantity[], b: readonly MatchQuantity[], aUnits: readonly string[], bUnits: readonly string[]) {
  const telling = [a.filter(isTelling), b.filter(isTelling)] as const;
  if (telling[0].length === 0 || telling[1].length === 0) {
    const shared = a.filter((x) => b.some((y) => sameValue(x.value, y.value) && compatibleUnits(x, y)));
    return shared.length > 0 ? { status: "partial" as const, shared: shared.map((x) => x.text) } : null;
  }
  const shared: string[] = [];
  let otherMeaning = false;
  for (const x of telling[0]) {
    const same = telling[1].filter((y) => sameValue(x.value, y.value));
    if (same.some((y) => compatibleUnits(x, y) && !countsOtherThings(x, y, aUnits, bUnits))) shared.push(x.text);
    else if (same.length > 0) otherMeaning = true;
  }
  const fewest = Math.min(telling[0].length, telling[1].length);
  if (shared.length === 0) return { status: otherMeaning ? ("other_meaning" as const) : ("differ" as const), shared };
  return { status: shared.length >= fewest ? ("agree" as const) : ("partial" as const), shared };
}

/**
 * Dates agree when they name the same year, month or day and none of the same precision differs;
 * they differ when both name years, months (of one year), days or relative times and none is shared:
 * "in October 2022" and "en mars 2022", "last year" and "l'an prochain".
 */
function compareDates(a: readonly string[], b: readonly string[]) {
  if (a.length === 0 || b.length === 0) return null;
  const shared = a.filter((key) => b.includes(key));
  const differ = DATE_PRECISIONS.some((precision) => {
    const [ofA, ofB] = [a.filter((key) => precision.test(key)), b.filter((key) => precision.test(key))];
    return ofA.length > 0 && ofB.length > 0 && !ofA.some((key) => ofB.includes(key));
  });
  if (differ) return { status: "differ" as const, shared };
  return shared.length > 0 ? { status: "agree" as const, shared } : null;
}

/** Years, months of a year, days of a year, days without a year, and times said relative to today. */
const DATE_PRECISIONS = [/^\d{4}$/, /^\d{4}-\d\d$/, /^\d{4}-\d\d-\d\d$/, /^\d\d-\d\d$/, /^(?:last|this|next)-year$/];

/**
 * The same person or body: the same name once folded, or every part of one name in the other
 * ("Venezuelan foreign ministry" and "Ministère vénézuélien des affaires étrangères"); a first name
 * in common is not enough ("Olivier Klein", "Olivier Rossi").
 */
export function isSameClaimant(a: ClaimProfile["claimant"], b: ClaimProfile["claimant"]): boolean {
  if (a.folded === b.folded && a.folded !== "") return true;
  if (a.units.length === 0 || b.units.length === 0) return false;
  const [shorter, longer] = a.units.length <= b.units.length ? [a.units, b.units] : [b.units, a.units];
  return shorter.every((unit) => longer.includes(unit));
}
