import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * A page readable in every language (home, search, methodology): its canonical address in this
 * language and hreflang alternates to the others, x-default the English one ("/" serves it too).
 */
export function localeAlternates(locale: Locale, path: string, query = ""): Metadata["alternates"] {
  const site = getEnv().SITE_URL;
  const at = (language: Locale) => new URL(`/${language}${path}${query ? `?${query}` : ""}`, site).toString();
  return {
    canonical: at(locale),
    languages: { ...Object.fromEntries(LOCALES.map((language) => [language, at(language)])), "x-default": at(DEFAULT_LOCALE) },
  };
}

export type LocaleProps = { params: Promise<{ locale: string }> };
