import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { listPublishedFactChecksCached } from "@/lib/publishing/list-published-fact-checks";
import { FactCheckCard } from "@/app/_components/fact-check-card";
import { ReaderSearchForm } from "@/app/_components/reader-search-form";
import { localeAlternates, readerLocale } from "./alternates";

export async function generateMetadata(): Promise<Metadata> {
  const locale = await readerLocale();
  const t = await getTranslations("reader.home");
  return {
    alternates: {
      ...localeAlternates(locale, ""),
      types: { "application/atom+xml": [{ url: "/feed.xml", title: t("feedTitle") }] },
    },
  };
}

export default async function HomePage() {
  // Rendered per request from a list that is read again only after a publication or correction
  // (one small query per request checks that). Waiting for the request first keeps `next build`
  // from prerendering it with whatever database the build machine can see.
  await connection();
  const t = await getTranslations("reader.home");
  const factChecks = await listPublishedFactChecksCached(30);
  return (
    <>
      <p className="kicker">{t("kicker")}</p>
      <h1>{t("title")}</h1>
      <p className="lede narrow">{t("lede")}</p>
      <ReaderSearchForm />
      {factChecks.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ul className="cards" aria-label={t("listLabel")}>
          {factChecks.map((factCheck) => (
            <FactCheckCard key={factCheck.slug} factCheck={{ ...factCheck, correctedAt: factCheck.corrected ? factCheck.updatedAt : null }} />
          ))}
        </ul>
      )}
    </>
  );
}
