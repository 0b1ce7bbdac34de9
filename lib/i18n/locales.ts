// The languages Claimwork speaks: its interface (messages/<locale>/), the reader pages' addresses
// (/en, /fr), and the languages the claim matcher reads (lib/matching/match-language.ts). The one list.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale of a language tag ("fr", "fr-CA", "FR", "en-GB"), or undefined for any other language. */
export function parseLocale(language: string | undefined): Locale | undefined {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/** The locale of a language tag; any other language reads as English. */
export function localeOf(language: string): Locale {
  return parseLocale(language) ?? DEFAULT_LOCALE;
}

/**
 * The BCP 47 tag next-intl formats with: British English spells dates "3 July 2024" as the newsroom
 * always has; French "3 juillet 2024" and "51,2 %". `getLocale()` answers this tag; `localeOf()` turns it
 * back into the locale of addresses, `<html lang>` and messages/.
 */
export const FORMAT_TAGS: Record<Locale, string> = { en: "en-GB", fr: "fr" };

/** The cookie that holds a visitor's chosen interface language until it is kept with their account. */
export const LOCALE_COOKIE = "claimwork-locale";

/** The header proxy.ts sets from a locale-prefixed address (/fr/search): the one next-intl reads as the request's locale. */
export const LOCALE_HEADER = "x-next-intl-locale";

/** The header proxy.ts sets to the path asked for (never a client's own), for i18n/reader-locale.ts. */
export const PATH_HEADER = "x-claimwork-path";

/** Reader pages served at their old, unprefixed addresses, in English as before (proxy.ts). */
export const UNPREFIXED_READER_PAGES = ["/", "/search", "/methodology"];

/** A reader page's path (home, search, methodology in any language, a fact-check's pages): rendered on the server only. */
export function isReaderPath(path: string): boolean {
  return UNPREFIXED_READER_PAGES.includes(path) || path.startsWith("/fact-checks/") || isLocale(path.split("/")[1]);
}
