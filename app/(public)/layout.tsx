import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LOCALES, localeOf } from "@/lib/i18n/locales";

export default function PublicLayout({ children }: { children: ReactNode }) {
  const locale = localeOf(useLocale());
  const other = LOCALES.find((candidate) => candidate !== locale)!;
  const t = useTranslations("reader");
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
            {/* A full load: the root layout's <html lang> is rendered again only then. */}
            <a href={`/${other}`} hrefLang={other} lang={other}>
              {t("masthead.otherLanguage")}
            </a>
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
