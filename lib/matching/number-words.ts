// The words that write numbers, fractions and multipliers in English and French (folded: no accents).
// A table rather than a library: words-to-numbers-style packages cover English only.
import type { MatchLanguage } from "./match-language";

const EN_UNITS: Record<string, number> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const FR_UNITS: Record<string, number> = {
  zero: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, "quatre-vingt": 80, "quatre-vingts": 80,
};

/** Number words, "one"/"un" excepted: alone they are pronouns and articles, so they count only before a scale. */
export const NUMBER_WORDS: Record<MatchLanguage, Record<string, number>> = { en: EN_UNITS, fr: FR_UNITS };
export const ONE_WORDS: Record<MatchLanguage, ReadonlySet<string>> = { en: new Set(["one", "a", "an"]), fr: new Set(["un", "une"]) };
export const HUNDRED_WORDS: Record<MatchLanguage, ReadonlySet<string>> = { en: new Set(["hundred"]), fr: new Set(["cent", "cents"]) };

/** Scales; the English billion is the French milliard, the French billion a million millions. */
export const SCALE_WORDS: Record<MatchLanguage, Record<string, number>> = {
  en: { thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, trillion: 1e12, trillions: 1e12 },
  fr: { mille: 1e3, milliers: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, billion: 1e12, billions: 1e12 },
};

/** Shares written in words, as percentages: "a fifth", "un cinquieme", "half", "la moitie". */
export const FRACTION_WORDS: Record<MatchLanguage, Record<string, number>> = {
  en: { half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20, tenth: 10, tenths: 10 },
  fr: { moitie: 50, tiers: 100 / 3, quart: 25, quarts: 25, cinquieme: 20, cinquiemes: 20, dixieme: 10, dixiemes: 10 },
};

/** Words that say "N times as many" or "divided by N" with the N inside. */
export const FACTOR_WORDS: Record<MatchLanguage, Record<string, number>> = {
  en: { doubled: 2, doubles: 2, twice: 2, tripled: 3, triples: 3, quadrupled: 4, halved: 0.5 },
  fr: { double: 2, doubles: 2, doublee: 2, doublees: 2, triple: 3, triples: 3, tripled: 3, quadruple: 4 },
};
/** "multiplie par deux", "divided by three": the N comes after. */
export const MULTIPLY_WORDS: Record<MatchLanguage, ReadonlySet<string>> = {
  en: new Set(["multiplied"]),
  fr: new Set(["multiplie", "multiplies", "multipliee", "multipliees"]),
};
export const DIVIDE_WORDS: Record<MatchLanguage, ReadonlySet<string>> = {
  en: new Set(["divided"]),
  fr: new Set(["divise", "divises", "divisee", "divisees"]),
};
/** "one in five", "neuf sur dix". */
export const RATIO_WORDS: Record<MatchLanguage, ReadonlySet<string>> = { en: new Set(["in", "out"]), fr: new Set(["sur"]) };

/** Units after a number (after "of"/"de" if any) and the sign or code before or after it. */
export const UNIT_WORDS: Record<string, string> = {
  "%": "percent", percent: "percent", pourcent: "percent", pct: "percent",
  $: "usd", dollar: "usd", dollars: "usd", usd: "usd",
  "€": "eur", euro: "eur", euros: "eur", eur: "eur",
  "£": "gbp", pound: "gbp", pounds: "gbp", sterling: "gbp",
  barrel: "barrel", barrels: "barrel", baril: "barrel", barils: "barrel",
  hectare: "hectare", hectares: "hectare", ha: "hectare",
  hour: "hour", hours: "hour", heure: "hour", heures: "hour",
  day: "day", days: "day", jour: "day", jours: "day",
  week: "week", weeks: "week", semaine: "week", semaines: "week",
  month: "month", months: "month", mois: "month",
  year: "year", years: "year", an: "year", ans: "year", annee: "year", annees: "year", decennie: "decade", decade: "decade",
  vote: "vote", votes: "vote", voix: "vote",
  km: "km", kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km",
};
/** Two-word units: "per cent", "pour cent", "square kilometres", "kilometres carres". */
export const UNIT_PHRASES: [string[], string][] = [
  [["per", "cent"], "percent"],
  [["pour", "cent"], "percent"],
  [["square", "kilometres"], "km2"],
  [["square", "kilometers"], "km2"],
  [["kilometres", "carres"], "km2"],
  [["km", "²"], "km2"],
  [["km2"], "km2"],
];
/** Words allowed between a number and its unit: "30 milliards de dollars", "3 million of them". */
export const UNIT_LINKS: ReadonlySet<string> = new Set(["of", "de", "d'", "des"]);
