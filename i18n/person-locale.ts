import { cookies, headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";

/**
 * The interface language of a page that is not a reader page (workbench, sign-in, account, errors):
 * the signed-in person's setting (users.interface_language, set from the workbench navigation), else
 * the claimwork-locale cookie, else their browser's Accept-Language.
 * Reader pages never get here: their language comes from their address (i18n/request.ts), so the
 * reader cache, keyed by address, never mixes two languages.
 */
export async function personLocale(): Promise<Locale> {
  const [cookieStore, headerList, actor] = await Promise.all([cookies(), headers(), getActor()]);
  if (actor?.interfaceLanguage) return actor.interfaceLanguage;
  return negotiateLocale({ cookie: cookieStore.get(LOCALE_COOKIE)?.value, acceptLanguage: headerList.get("accept-language") });
}
