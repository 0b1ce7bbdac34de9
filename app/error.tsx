"use client";

import { useSyncExternalStore } from "react";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { DEFAULT_LOCALE, localeOf, type Locale } from "@/lib/i18n/locales";
import english from "@/messages/en/pageError.json";
import french from "@/messages/fr/pageError.json";

// The page error's own small catalogue ships with it: reader pages carry no catalogue to the browser
// (ADR 0018), and this page must speak the language of the page that failed (its <html lang>).
const CATALOGUE: Record<Locale, typeof english> = { en: english, fr: french };
const noChanges = () => () => {};
const pageLanguage = () => localeOf(document.documentElement.lang);
const serverLanguage = () => DEFAULT_LOCALE;

// What a reader sees when a page fails to render (in practice: the database is unreachable). The
// status stays 500, as Next sets it; the text tells the reader the failure is ours and passing.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(noChanges, pageLanguage, serverLanguage);
  return (
    <NextIntlClientProvider locale={locale} messages={{ pageError: CATALOGUE[locale] }} timeZone="UTC">
      <PageErrorText digest={error.digest} reset={reset} />
    </NextIntlClientProvider>
  );
}

function PageErrorText({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("pageError");
  return (
    <main id="content" className="narrow">
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p>
        {t("text")} {digest ? t("reference", { code: digest }) : null}
      </p>
      <button type="button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
