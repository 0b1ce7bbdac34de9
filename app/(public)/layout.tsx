import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LOCALES, localeOf } from "@/lib/i18n/locales";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const locale = localeOf(await getLocale());
  const other = LOCALES.find((candidate) => candidate !== locale)!;
  const t = await getTranslations("reader");
  return (
    <>
      <header className="masthead">
        <div className="masthead-inner">
          <Link href={`/${locale}`} className="brand">
            Claimwork
            <small>{t("masthead.tagline")}</small>
          </Link>
          <nav aria-label={t("masthead.site")}>
            <Link href={`/${locale}`}>{t("masthead.latest")}</Link>
            <Link href={`/${locale}/methodology`}>{t("masthead.methodology")}</Link>
            <Link href={`/${other}`} hrefLang={other} lang={other}>
              {t("masthead.otherLanguage")}
            </Link>
          </nav>
        </div>
      </header>
      <main id="content">{children}</main>
      <footer className="site-footer">
        {t.rich("footer", {
          methodology: (chunks) => <Link href={`/${locale}/methodology`}>{chunks}</Link>,
          report: (chunks) => <Link href={`/${locale}/methodology#report-an-error`}>{chunks}</Link>,
        })}
      </footer>
    </>
  );
}
