import * as chrono from "chrono-node";
import { foldText } from "./fold-text";
import type { MatchLanguage } from "./match-language";

/** Month names and abbreviations in both languages, folded. */
export const MONTH_WORDS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, february: 2, feb: 2, fevrier: 2, march: 3, mars: 3, april: 4, apr: 4, avril: 4,
  may: 5, mai: 5, june: 6, juin: 6, july: 7, juillet: 7, august: 8, aug: 8, aout: 8, september: 9, sept: 9,
  septembre: 9, october: 10, oct: 10, octobre: 10, november: 11, nov: 11, novembre: 11, december: 12, dec: 12, decembre: 12,
};

/** Times said relative to the statement, the same in both languages. */
const RELATIVE_DATES: [RegExp, string][] = [
  [/\blast year\b|\bl'an dernier\b|\bl'annee derniere\b|\bl'an passe\b|\bl'annee passee\b/, "last-year"],
  [/\bnext year\b|\bl'an prochain\b|\bl'annee prochaine\b/, "next-year"],
  [/\bthis year\b|\bcette annee\b/, "this-year"],
  [/\blast quarter\b|\bdernier trimestre\b/, "last-quarter"],
  [/\bovernight\b|\blast night\b|\bcette nuit\b|\bla nuit derniere\b/, "last-night"],
  [/\bmonday\b|\blundi\b/, "monday"],
  [/\btuesday\b|\bmardi\b/, "tuesday"],
  [/\bwednesday\b|\bmercredi\b/, "wednesday"],
  [/\bthursday\b|\bjeudi\b/, "thursday"],
  [/\bfriday\b|\bvendredi\b/, "friday"],
  [/\bsaturday\b|\bsamedi\b/, "saturday"],
  [/\bsunday\b|\bdimanche\b/, "sunday"],
];

/**
 * The dates a statement names, as keys from the widest to the narrowest: "2023", "2023-09",
 * "2023-09-04"; a day without a year is "09-04"; relative times are "last-year", "tuesday"…
 * Days and months are read by chrono-node (its English and French parsers); years alone and
 * "month year" are read here, chrono's French parser leaves them out.
 */
export function readDates(text: string, language: MatchLanguage): string[] {
  const keys = new Set<string>();
  const folded = foldText(text);
  const words = folded.split(/[^a-z]+/);
  const parser = language === "fr" ? chrono.fr : chrono.en;
  // chrono reads a statement in about half a millisecond: only those that name a month.
  const results = words.some((word) => MONTH_WORDS[word] !== undefined) ? parser.parse(text, new Date(Date.UTC(2000, 0, 1))) : [];
  for (const result of results) {
    // Only dates that name a month: chrono also reads "next year" or "for 96 hours" from today.
    if (!foldText(result.text).split(/[^a-z]+/).some((word) => MONTH_WORDS[word] !== undefined)) continue;
    const day = result.start.isCertain("day") ? result.start.get("day") : null;
    const month = result.start.isCertain("month") ? result.start.get("month") : null;
    const year = result.start.isCertain("year") ? result.start.get("year") : null;
    if (day && month) keys.add(year ? `${year}-${pad(month)}-${pad(day)}` : `${pad(month)}-${pad(day)}`);
    if (month && year) keys.add(`${year}-${pad(month)}`);
    if (year) keys.add(String(year));
  }
  for (const match of folded.matchAll(/\b([a-z]+)\s+((?:19|20)\d\d)\b/g)) {
    const month = MONTH_WORDS[match[1]!];
    if (month) keys.add(`${match[2]}-${pad(month)}`);
  }
  for (const match of folded.matchAll(/(?<![\d.,])(?:19|20)\d\d(?![\d%]|\s?(?:%|percent|pour))/g)) keys.add(match[0]);
  for (const [pattern, key] of RELATIVE_DATES) if (pattern.test(folded)) keys.add(key);
  return [...keys].sort();
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
