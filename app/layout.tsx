import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PATH_HEADER, isReaderPath, localeOf } from "@/lib/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Claimwork", template: "%s · Claimwork" },
    description: t("siteDescription"),
  };
}

// Every page is rendered per request so that its scripts carry that response's CSP nonce (proxy.ts).
// Readers' pages are cached in front of Next instead (scripts/serve/), keyed by URL, with the nonce
// swapped per response. The page's language (i18n/request.ts, ADR 0018) is a function of its URL for
// reader pages, so one cached URL is one language.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const locale = localeOf(await getLocale());
  const t = await getTranslations("common");
  // Client components get the catalogue; reader pages have none, so their pages (cached, read by
  // everyone) neither carry it nor render the provider, an async component that would make Next stream
  // them in a different order from one render to the next (e2e/published-snapshot.spec.ts).
  const readerPage = isReaderPath((await headers()).get(PATH_HEADER) ?? "");
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#content">
          {t("skipToContent")}
        </a>
        {readerPage ? children : <NextIntlClientProvider>{children}</NextIntlClientProvider>}
      </body>
    </html>
  );
}
