/** The languages the matcher reads; any other claim language is read with the English rules. */
export type MatchLanguage = "en" | "fr";

export function matchLanguage(language: string): MatchLanguage {
  return language.toLowerCase().startsWith("fr") ? "fr" : "en";
}
