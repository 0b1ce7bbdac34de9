import { getRequestConfig } from "next-intl/server";
import { FORMAT_TAGS, parseLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/load-messages";
import { personLocale } from "@/i18n/person-locale";
import { readerPageLocale } from "@/i18n/reader-locale";

// The request's interface language (ADR 0018), decided once per request:
// - an explicit locale (getTranslations({ locale })) or a locale-prefixed reader address (/fr/search:
//   proxy.ts sets the header next-intl reads, from the address only);
// - otherwise the person's choice or their browser's (i18n/person-locale.ts).
export default getRequestConfig(async ({ requestLocale }) => {
  const locale = parseLocale(await requestLocale) ?? (await readerPageLocale()) ?? (await personLocale());
  return {
    locale: FORMAT_TAGS[locale],
    messages: loadMessages(locale),
    // Dates are calendar dates stored at midnight UTC: shown in UTC, they never move a day.
    timeZone: "UTC",
    // format.dateTime(date, "day"): "3 July 2024", "3 juillet 2024".
    formats: { dateTime: { day: { day: "numeric", month: "long", year: "numeric" } } },
  };
});
