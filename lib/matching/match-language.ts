import { localeOf, type Locale } from "@/lib/i18n/locales";
import { foldText } from "./fold-text";

/** The languages the matcher reads (the app's locales); any other claim language is read with the English rules. */
export type MatchLanguage = Locale;

const FRENCH_WORDS = new Set("le la les des du de un une est sont et en au aux que qui pas ne plus sur dans pour avec par ont cette ces il elle".split(" "));
const ENGLISH_WORDS = new Set("the of and is are was were to in on for with by that this not no has have from it its".split(" "));

/**
 * The rules a text is read with. A language not given ("und", as some imported fact-checks are) is
 * told from the text's commonest short words, which even a one-line claim has.
 */
export function matchLanguage(language: string, text = ""): MatchLanguage {
  const given = language.toLowerCase();
  if (given !== "und" && given !== "") return localeOf(given);
  let french = 0;
  let english = 0;
  for (const word of foldText(text).split(/[^a-z]+/)) {
    if (FRENCH_WORDS.has(word)) french++;
    if (ENGLISH_WORDS.has(word)) english++;
  }
  return french > english ? "fr" : "en";
}
