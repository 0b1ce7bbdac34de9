import { tokenize, type Token } from "./fold-text";
import type { MatchLanguage } from "./match-language";
import {
  DIVIDE_WORDS, FACTOR_WORDS, FRACTION_WORDS, HUNDRED_WORDS, MULTIPLY_WORDS, NUMBER_WORDS, ONE_WORDS, RATIO_WORDS,
  SCALE_WORDS, UNIT_LINKS, UNIT_PHRASES, UNIT_WORDS,
} from "./number-words";
import { MONTH_WORDS } from "./read-dates";

/**
 * A number as the claim means it: 51.2 percent, 30e9 usd, 700000 barrel, a factor of 2. `unit` is a
 * known unit or null; `next` is the index of the first token after the quantity, where the matcher
 * looks for what is counted ("700 000 barils" vs "700 000 fonctionnaires").
 */
export type Quantity = { value: number; unit: string | null; text: string; start: number; next: number };

/** Numbers, written in figures or words, with their scale and unit, in either language's conventions. */
export function readQuantities(text: string, language: MatchLanguage): { quantities: Quantity[]; tokens: Token[] } {
  const tokens = tokenize(text);
  const words = tokens.map((token) => token.folded);
  const quantities: Quantity[] = [];
  let i = 0;
  while (i < words.length) {
    const found = readQuantityAt(words, i, language);
    if (!found) {
      i++;
      continue;
    }
    const { value, unit, end } = found;
    quantities.push({ value, unit, text: text.slice(tokens[i]!.start, tokens[end - 1]!.start + tokens[end - 1]!.original.length), start: i, next: end });
    i = end;
  }
  return { quantities, tokens };
}

const FRACTION_LINKS: ReadonlySet<string> = new Set(["of", "de", "d'", "des", "du"]);
const NEUF_BEFORE: ReadonlySet<string> = new Set(["", "les", "des", "de", "d'", "a", "en", "sur", "ces", "ses", "nos", "vos", "leurs", "ces", "aux", "et", "ou", "dont"]);

type Found = { value: number; unit: string | null; end: number };

function readQuantityAt(words: string[], i: number, language: MatchLanguage): Found | null {
  const word = words[i]!;
  const factor = FACTOR_WORDS[language][word];
  if (factor !== undefined) return { value: factor, unit: "factor", end: i + 1 };
  if (MULTIPLY_WORDS[language].has(word) || DIVIDE_WORDS[language].has(word)) {
    if (words[i + 1] !== "by" && words[i + 1] !== "par") return null;
    const by = readCount(words, i + 2, language);
    if (!by || by.value === 0) return null;
    return { value: MULTIPLY_WORDS[language].has(word) ? by.value : 1 / by.value, unit: "factor", end: by.end };
  }
  if (word === "decade" || word === "decennie") return { value: 10, unit: "year", end: i + 1 };
  // "half a million", "a third of", "la moitie", "un cinquieme"
  const fraction = FRACTION_WORDS[language][word];
  if (fraction !== undefined) {
    if (word === "half" && (words[i + 1] === "a" || words[i + 1] === "an")) {
      const scale = SCALE_WORDS[language][words[i + 2] ?? ""];
      if (scale) return withUnit(words, i + 3, scale / 2, null, language);
    }
    // "a third of", "un quart des": a share; "a third term", "last quarter" are not.
    return FRACTION_LINKS.has(words[i + 1] ?? "") ? { value: fraction, unit: "percent", end: i + 1 } : null;
  }
  if (ONE_WORDS[language].has(word) && FRACTION_WORDS[language][words[i + 1] ?? ""] !== undefined) return null; // the fraction reads it

  const sign = UNIT_WORDS[word] === "usd" || UNIT_WORDS[word] === "eur" || UNIT_WORDS[word] === "gbp" ? UNIT_WORDS[word]! : null;
  const start = sign && /^\d/.test(words[i + 1] ?? "") ? i + 1 : i;
  const count = readCount(words, start, language);
  if (!count) return null;
  // French "neuf" is also "new": a number only after a determiner or before a unit or scale.
  if (language === "fr" && words[start] === "neuf" && !NEUF_BEFORE.has(words[start - 1] ?? "") && !isUnitAhead(words, count.end)) return null;
  // A year (2019) or a day of a month (4 September, 1er fevrier) belongs to the dates.
  const nextWord = words[count.end] ?? "";
  if (count.digits && MONTH_WORDS[nextWord] !== undefined) return null;
  if (count.digits && nextWord === "er" && MONTH_WORDS[words[count.end + 1] ?? ""] !== undefined) return null;
  if (count.digits && /^(19|20)\d\d$/.test(words[start]!) && !sign && !isUnitAhead(words, count.end)) return null;
  // "one in five", "neuf sur dix": a share.
  if (RATIO_WORDS[language].has(nextWord)) {
    const of = nextWord === "out" && words[count.end + 1] === "of" ? count.end + 2 : count.end + 1;
    const whole = readCount(words, of, language);
    if (whole && whole.value > count.value && whole.value > 0) return { value: (count.value / whole.value) * 100, unit: "percent", end: whole.end };
  }
  // "un agriculteur sur deux", "one child out of five"
  if (count.value === 1 && !count.digits) {
    for (let gap = count.end + 1; gap <= count.end + 4 && gap < words.length; gap++) {
      const of = words[gap] === "sur" ? gap + 1 : words[gap] === "out" && words[gap + 1] === "of" ? gap + 2 : -1;
      const whole = of > 0 ? readCount(words, of, language) : null;
      if (whole && whole.value > 1) return { value: 100 / whole.value, unit: "percent", end: whole.end };
    }
  }
  let value = count.value;
  let end = count.end;
  const scale = SCALE_WORDS[language][words[end] ?? ""];
  if (scale) {
    value *= scale;
    end++;
    // "un million et demi", "a million and a half"
    if ((words[end] === "et" && words[end + 1] === "demi") || (words[end] === "and" && words[end + 1] === "a" && words[end + 2] === "half")) {
      value += scale / 2;
      end += words[end] === "et" ? 2 : 3;
    }
  } else if (count.onlyOne) {
    return null;
  }
  return withUnit(words, end, value, sign, language);
}

function isUnitAhead(words: string[], at: number): boolean {
  return unitAt(words, at) !== null || SCALE_WORDS.en[words[at] ?? ""] !== undefined || SCALE_WORDS.fr[words[at] ?? ""] !== undefined;
}

function withUnit(words: string[], at: number, value: number, sign: string | null, language: MatchLanguage): Found {
  const linked = UNIT_LINKS.has(words[at] ?? "") && unitAt(words, at + 1) ? at + 1 : at;
  const unit = unitAt(words, linked);
  if (unit) return { value: unit.unit === "decade" ? value * 10 : value, unit: unit.unit === "decade" ? "year" : unit.unit, end: unit.end };
  void language;
  return { value, unit: sign, end: at };
}

function unitAt(words: string[], at: number): { unit: string; end: number } | null {
  for (const [phrase, unit] of UNIT_PHRASES) {
    if (phrase.every((part, offset) => words[at + offset] === part)) return { unit, end: at + phrase.length };
  }
  const unit = UNIT_WORDS[words[at] ?? ""];
  return unit ? { unit, end: at + 1 } : null;
}

/** A count in figures ("700,000", "7,1") or words ("cinq cent mille", "twenty-five"). */
function readCount(words: string[], at: number, language: MatchLanguage): { value: number; end: number; digits: boolean; onlyOne: boolean } | null {
  const first = words[at];
  if (first === undefined) return null;
  if (/^\d/.test(first)) {
    const value = parseFigures(first, language);
    return Number.isFinite(value) ? { value, end: at + 1, digits: true, onlyOne: false } : null;
  }
  let total = 0;
  let current = 0;
  let end = at;
  let seen = false;
  let onlyOne = true;
  while (end < words.length) {
    const word = words[end]!;
    const parts = word.includes("-") && NUMBER_WORDS[language][word] === undefined ? word.split("-").filter((part) => part !== "et") : [word];
    const values = parts.map((part) => NUMBER_WORDS[language][part] ?? (ONE_WORDS[language].has(part) && !seen ? 1 : undefined));
    if (values.every((value) => value !== undefined)) {
      for (const [index, value] of values.entries()) {
        if (!(ONE_WORDS[language].has(parts[index]!) && value === 1)) onlyOne = false;
        current += value!;
      }
    } else if (HUNDRED_WORDS[language].has(word)) {
      current = (current || 1) * 100;
      onlyOne = false;
    } else if ((word === "mille" || word === "thousand") && seen) {
      total += (current || 1) * 1000;
      current = 0;
      onlyOne = false;
    } else if ((word === "and" || word === "et") && seen && NUMBER_WORDS[language][words[end + 1] ?? ""] !== undefined) {
      end++;
      continue;
    } else {
      break;
    }
    seen = true;
    end++;
  }
  if (!seen) return null;
  return { value: total + current, end, digits: false, onlyOne };
}

/** "700,000" and "700 000" are 700000; "7,1" (French) and "7.1" are 7.1; "1.400" (French) is 1400. */
export function parseFigures(figures: string, language: MatchLanguage): number {
  const compact = figures.replace(/ /g, "");
  if (language === "en" && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ""));
  if (language === "fr" && /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) return Number(compact.replace(/\./g, "").replace(",", "."));
  if (language === "fr") return Number(compact.replace(",", "."));
  return Number(compact.replace(/,/g, ""));
}
