import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The interface language of someone who has not chosen one: the cookie they set with the language
 * switch, else the best of their browser's Accept-Language, else English.
 */
export function negotiateLocale({ cookie, acceptLanguage }: { cookie?: string; acceptLanguage?: string | null }): Locale {
  if (isLocale(cookie)) return cookie;
  const preferred = new Negotiator({ headers: { "accept-language": acceptLanguage ?? undefined } }).language([...LOCALES]);
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}
