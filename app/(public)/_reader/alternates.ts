import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { DEFAULT_LOCALE, LOCALES, localeOf, type Locale } from "@/lib/i18n/locales";

// The reader pages readable in every language live here once; app/(public)/en/… and fr/… are their
// addresses (static segments, so no other first segment ever renders the readers' layout). Their
// language is the request's, which proxy.ts set from the address (i18n/request.ts).

/** The language of this request's reader page. */
export async function readerLocale(): Promise<Locale> {
  return localeOf(await getLocale());
}

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
