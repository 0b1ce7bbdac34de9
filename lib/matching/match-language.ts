import { localeOf, type Locale } from "@/lib/i18n/locales";

/** The languages the matcher reads (the app's locales); any other claim language is read with the English rules. */
export type MatchLanguage = Locale;

export function matchLanguage(language: string): MatchLanguage {
  return localeOf(language);
}
