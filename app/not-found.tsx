import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localeOf } from "@/lib/i18n/locales";

export default function NotFound() {
  const t = useTranslations("errors.notFound");
  const locale = localeOf(useLocale());
  return (
    <main id="content" className="narrow">
      <p className="kicker">404</p>
      <h1>{t("title")}</h1>
      <p>{t.rich("text", { link: (chunks) => <Link href={`/${locale}`}>{chunks}</Link> })}</p>
    </main>
  );
}
